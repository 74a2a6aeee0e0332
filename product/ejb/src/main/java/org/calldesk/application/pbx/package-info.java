/**
 * The PBX as the application sees it, in its own words: what the PBX reports ({@link
 * org.calldesk.application.pbx.PbxReport}), why it refused a request ({@link
 * org.calldesk.application.pbx.PbxRefusal}), its channels, a phone's state and whether its events
 * reach us. {@code infrastructure.pbx} translates the connector's types into these.
 */
package org.calldesk.application.pbx;
