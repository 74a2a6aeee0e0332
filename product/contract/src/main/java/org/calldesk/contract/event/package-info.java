/**
 * The events of the events topic (and the outbox that feeds it, and the CRM push): one envelope, whose
 * {@code data} is a resource of {@link org.calldesk.contract.resource} (docs/events.md).
 */
package org.calldesk.contract.event;
