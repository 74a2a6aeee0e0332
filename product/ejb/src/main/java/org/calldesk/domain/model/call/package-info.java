/**
 * The call aggregate: one customer call as the contact center sees it, where it stands and how
 * it ended, found by our own id or by the PBX's.
 */
package org.calldesk.domain.model.call;
