/**
 * The application's side of the integrations with external systems: the CRM's customer directory
 * for the screen pop, the ticket sync to the CRM, and API keys with the audit trail of their
 * calls.
 */
package org.calldesk.application.integration;
