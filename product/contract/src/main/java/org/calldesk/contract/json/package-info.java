/**
 * The JSON-P plumbing every record of the contract shares: the provider looked up once, writing absent
 * values by leaving them out, and reading request fields with an error that names the field.
 */
package org.calldesk.contract.json;
