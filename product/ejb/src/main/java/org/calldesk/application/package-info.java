/**
 * The application's services as interfaces (agents, call control, routing, tickets, CTI set-up)
 * and the ports they need (the PBX gateway, contact-center events, triggers), with
 * {@link org.calldesk.application.RequestRefused}, the refusal every client sees. The EJBs that
 * implement them are in {@code application.internal}; what they return to read is in
 * {@code application.view}, never a managed entity.
 */
package org.calldesk.application;
