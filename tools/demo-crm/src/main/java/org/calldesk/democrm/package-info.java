/**
 * A CRM just big enough to show the integration, for the embedded run and tests: customers by
 * phone number for the screen pop, and an inbox of the ticket changes CallDesk pushes.
 */
package org.calldesk.democrm;
