/**
 * The API keys of external systems (kept only as their hash) and the audit trail of every
 * integration call.
 */
package org.calldesk.domain.model.integration;
