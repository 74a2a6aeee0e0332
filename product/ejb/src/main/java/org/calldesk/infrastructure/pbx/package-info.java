/**
 * The PBX gateway over the connector's pooled connections, and the scheduler that runs the call
 * reconciler.
 */
package org.calldesk.infrastructure.pbx;
