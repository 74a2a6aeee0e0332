/**
 * The PBX resource adapter ({@code calldesk-pbx.rar}): the only code that speaks Asterisk's AMI,
 * through asterisk-java. It keeps one AMI session for events, maps them to {@code CallEvent}
 * records delivered in order per call to message-driven beans, and carries out call control on
 * pooled AMI sessions.
 */
package org.calldesk.connector.ami;
