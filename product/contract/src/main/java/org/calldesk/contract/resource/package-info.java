/**
 * The resources as the REST API answers them and as events carry them in their {@code data}: calls,
 * agents, status changes, services, tickets, API keys and the audit trail (docs/api.md, docs/events.md).
 */
package org.calldesk.contract.resource;
