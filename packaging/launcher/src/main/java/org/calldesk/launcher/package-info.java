/**
 * The one-command embedded run: an Artemis broker, the PBX simulator and the demo CRM in the
 * launcher's process, Payara Micro with the application in a supervised child process; and the
 * standalone broker several nodes share.
 */
package org.calldesk.launcher;
