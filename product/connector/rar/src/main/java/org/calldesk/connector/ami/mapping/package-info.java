/**
 * AMI events in the contact center's terms: which channels make up each call, and the
 * {@code CallEvent} records each AMI event implies. Nothing past this package sees a channel name
 * where it means a call.
 */
package org.calldesk.connector.ami.mapping;
