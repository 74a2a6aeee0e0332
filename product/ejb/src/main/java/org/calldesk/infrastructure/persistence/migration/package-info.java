/**
 * The database schema's Flyway migration at start-up, and waiting for a database that went away
 * instead of failing the work.
 */
package org.calldesk.infrastructure.persistence.migration;
