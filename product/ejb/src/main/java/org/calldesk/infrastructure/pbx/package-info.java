/**
 * The PBX port over the connector: the gateway on its pooled connections, {@link
 * org.calldesk.infrastructure.pbx.PbxTranslation} from its types to the application's (reports,
 * refusals, channels), and the scheduler that runs the call reconciler.
 */
package org.calldesk.infrastructure.pbx;
