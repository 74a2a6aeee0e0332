/**
 * What every aggregate of the domain shares: the refusal of a change its rules do not allow,
 * raised before anything changes.
 */
package org.calldesk.domain.shared;
