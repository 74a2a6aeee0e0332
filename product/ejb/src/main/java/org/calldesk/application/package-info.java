/**
 * The application's services as interfaces (agents, call control, routing, tickets, CTI set-up)
 * and the ports they need (the PBX gateway, contact-center events, triggers), with
 * {@link org.calldesk.application.RequestRefused}, the refusal every client sees, and its
 * {@link org.calldesk.application.RefusalCode}s. The ports speak the application's own types: what
 * the PBX reports and refuses is in {@code application.pbx}. The EJBs that implement the services
 * are in {@code application.internal}; what they return to read is in {@code application.view},
 * never a managed entity.
 */
package org.calldesk.application;
