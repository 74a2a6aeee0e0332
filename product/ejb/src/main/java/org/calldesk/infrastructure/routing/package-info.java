/**
 * What runs inbound routing: after-commit triggers, one routing thread per application node, and
 * the scheduler that takes back unconfirmed offers and retries what a lost trigger left.
 */
package org.calldesk.infrastructure.routing;
