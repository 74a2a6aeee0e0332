/**
 * The simulator's AMI transport: the listening socket, client sessions, the packet format,
 * Asterisk's permission classes and event filters. It knows the wire only; what an action means
 * is the {@link org.calldesk.pbxsim.ami.ActionHandler}'s.
 */
package org.calldesk.pbxsim.ami;
