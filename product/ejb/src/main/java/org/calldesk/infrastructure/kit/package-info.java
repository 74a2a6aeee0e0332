/**
 * The mechanisms the infrastructure repeats, stated once: a line of work one thread at a time
 * drains, and work done once the caller's transaction has committed.
 */
package org.calldesk.infrastructure.kit;
