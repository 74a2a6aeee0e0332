/**
 * The bodies the REST API takes, each read from the JSON object of the request by its {@code from}: a
 * missing or mistyped field is an {@link org.calldesk.contract.json.InvalidBody} that names it.
 */
package org.calldesk.contract.request;
