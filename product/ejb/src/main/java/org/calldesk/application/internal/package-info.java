/**
 * The application services' implementations: stateless EJBs that run each use case in one
 * transaction over the domain's repositories and ask the PBX through its gateway, and the helpers
 * they share (recording and publishing changes, translating the domain's refusals).
 */
package org.calldesk.application.internal;
