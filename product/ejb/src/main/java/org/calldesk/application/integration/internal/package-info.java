/**
 * The stateless EJBs behind the integration services: putting a CRM's answer on a call and its
 * ticket, and making, revoking and auditing API keys.
 */
package org.calldesk.application.integration.internal;
