/**
 * The JMS side of the application: the message-driven beans that take the PBX's events into the
 * durable PBX events queue and apply them from it, the consumer of external systems' commands,
 * and the one sender of JMS messages.
 */
package org.calldesk.infrastructure.messaging.jms;
