/** Errors as RFC 9457 problem details, the body of every error answer of the REST API. */
package org.calldesk.contract.problem;
