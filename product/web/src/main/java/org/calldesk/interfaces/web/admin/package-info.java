/**
 * The administrators' pages: CTI Agent Management, Service Management, Send No Management, and
 * ringing a service through the PBX simulator in demos.
 */
package org.calldesk.interfaces.web.admin;
