/**
 * The REST API under {@code /api/v1}: JAX-RS resources for agents, calls, tickets, services and
 * API keys, request reading, and every error as an RFC 9457 problem detail.
 */
package org.calldesk.interfaces.rest;
