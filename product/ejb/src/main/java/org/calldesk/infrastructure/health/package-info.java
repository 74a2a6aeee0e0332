/**
 * The PBX, database and broker readiness checks, as plain checks for the application's own
 * {@code /calldesk/health} and as MicroProfile Health checks where the server has that API.
 */
package org.calldesk.infrastructure.health;
