/**
 * Push to the open consoles: each node's subscriber to the events topic forwards every event over
 * the Faces WebSocket to the consoles that show it.
 */
package org.calldesk.interfaces.web.push;
