/**
 * {@code GET /calldesk/health}: the application's readiness checks on every server, also where
 * MicroProfile Health is missing or does not report an EAR's checks.
 */
package org.calldesk.interfaces.health;
