/**
 * The PBX connector's contract, shared by the application and the resource adapter: the connection
 * factory and connection for call control, the listener message-driven beans implement, and the
 * {@link org.calldesk.connector.api.CallEvent} records the PBX's reports become. Plain Java and
 * Jakarta Connectors only; no Asterisk type appears here.
 */
package org.calldesk.connector.api;
