/**
 * The simulated Asterisk core: channels, bridges, devices, the dialplan and its applications, and
 * the manager actions, each answering and raising events as Asterisk does; and the load generator.
 * All state changes run on one PBX thread.
 */
package org.calldesk.pbxsim.pbx;
