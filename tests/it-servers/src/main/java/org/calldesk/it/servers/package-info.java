/**
 * What the full-server test modules share: the smoke scenario every server must pass with the
 * unchanged EAR, the PBX simulator it talks to, and a plain HTTP client of the application.
 */
package org.calldesk.it.servers;
