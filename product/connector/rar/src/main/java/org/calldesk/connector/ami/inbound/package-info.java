/**
 * The adapter's inbound side: the activation spec of the message-driven beans, the one AMI session
 * that reads events, and their delivery to the endpoints in order per call, with a backlog while
 * no endpoint can take them.
 */
package org.calldesk.connector.ami.inbound;
