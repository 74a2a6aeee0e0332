/**
 * The agent's console: the CTI panel with its dialogs (Dial up, Transfer) and Online Contact, the
 * agent's tickets and the ticket processing screen.
 */
package org.calldesk.interfaces.web.console;
