/**
 * The events outbox: contact-center events written in the transaction of the change they report,
 * then published on the events topic by the node's relay, with a sweep for what a stopped node
 * left behind.
 */
package org.calldesk.infrastructure.messaging.outbox;
