/**
 * The agent's console: the CTI panel with its dialogs (Dial up, Transfer) and Online Contact, the
 * agent's tickets and the ticket processing screen.
 *
 * <p>The CTI panel is a view model per concern: {@link org.calldesk.interfaces.web.console.CtiState}
 * (what the panel shows, {@code #{cti}}), {@link org.calldesk.interfaces.web.console.CtiSync} (the
 * state machine that follows each action and push), {@link org.calldesk.interfaces.web.console.CtiSession}
 * (login, logout, Ready / Rest / Business), {@link org.calldesk.interfaces.web.console.InboundAlert},
 * {@link org.calldesk.interfaces.web.console.DialUp}, {@link org.calldesk.interfaces.web.console.CallControls}
 * with {@link org.calldesk.interfaces.web.console.TransferSearch}, and
 * {@link org.calldesk.interfaces.web.console.FinishPrompt}.
 */
package org.calldesk.interfaces.web.console;
