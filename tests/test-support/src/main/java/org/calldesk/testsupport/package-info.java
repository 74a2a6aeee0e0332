/**
 * What the integration tests of the application on Payara Micro share: its surroundings (broker,
 * PBX simulator, demo CRM), the REST API as a client, and the check that PBX and application agree.
 */
package org.calldesk.testsupport;
