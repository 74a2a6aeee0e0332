/**
 * The one mapping of the domain to JSON, shared by the REST API, the events topic and the
 * consoles' push (the shapes of {@code docs/events.md}).
 */
package org.calldesk.interfaces.json;
