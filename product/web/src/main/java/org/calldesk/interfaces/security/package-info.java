/**
 * Who may call the console and the REST API: the identity stores for accounts and API keys, the
 * authentication mechanism for both kinds of client, the rules and audit of integrations, and the
 * security headers of every answer.
 */
package org.calldesk.interfaces.security;
