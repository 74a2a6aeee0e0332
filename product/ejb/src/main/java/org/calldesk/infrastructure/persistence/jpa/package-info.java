/**
 * The domain's repositories in JPA, the table of applied PBX event ids and its clean-up, and the
 * converter that stores every {@code Instant} in UTC.
 */
package org.calldesk.infrastructure.persistence.jpa;
