/**
 * The sign-in page and signing out.
 */
package org.calldesk.interfaces.web.signin;
