/**
 * The contract's records as OpenAPI schemas, derived from the records themselves (their components and
 * {@code @Schema} descriptions), so that the published document cannot drift from what is written.
 */
package org.calldesk.contract.schema;
