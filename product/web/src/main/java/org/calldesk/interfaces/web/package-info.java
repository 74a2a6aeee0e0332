/**
 * What every page of the JSF console shares: the signed-in caller, the words it shows, how a
 * refused request becomes a message beside its cause, and the answer to an out-of-date form.
 */
package org.calldesk.interfaces.web;
