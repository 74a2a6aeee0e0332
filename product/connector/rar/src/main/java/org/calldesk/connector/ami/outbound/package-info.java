/**
 * The adapter's outbound side: the managed connection factory and its pooled AMI sessions, the
 * connection handles the application holds, and the AMI actions behind each call control.
 */
package org.calldesk.connector.ami.outbound;
