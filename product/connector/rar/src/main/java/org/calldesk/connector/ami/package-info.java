/**
 * The PBX resource adapter ({@code calldesk-pbx.rar}): the only code that speaks Asterisk's AMI,
 * through asterisk-java. This package holds the adapter itself, its settings and the opening of
 * AMI sessions; {@code outbound} carries out call control on pooled sessions, {@code inbound}
 * delivers call events in order per call to message-driven beans, and {@code mapping} turns AMI
 * events into {@code CallEvent} records.
 */
package org.calldesk.connector.ami;
