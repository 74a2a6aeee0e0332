/**
 * The CTI agent aggregate: an account's CTI information and live status, the status table every
 * change goes through, and the status history kept for reports.
 */
package org.calldesk.domain.model.agent;
