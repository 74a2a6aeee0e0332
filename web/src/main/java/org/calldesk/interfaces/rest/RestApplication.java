package org.calldesk.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API, under {@code /api}; every resource is versioned below it ({@code /api/v1/...}). */
@ApplicationPath("api")
public class RestApplication extends Application {
}
