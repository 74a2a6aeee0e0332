/**
 * A PBX that speaks AMI over TCP as Asterisk does, for development, the embedded run, tests and
 * load: the embeddable simulator, its standalone main, the HTTP control API that plays customers
 * and phones, and the check that the PBX and CallDesk agree.
 */
package org.calldesk.pbxsim;
