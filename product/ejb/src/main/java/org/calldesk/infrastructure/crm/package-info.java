/**
 * The CRM integration: the screen pop's lookup through a MicroProfile REST client guarded by
 * fault tolerance, and the transactional outbox that pushes ticket changes to the CRM in order,
 * each with its idempotency key.
 */
package org.calldesk.infrastructure.crm;
