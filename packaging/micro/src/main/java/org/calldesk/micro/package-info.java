/**
 * The application's resources on Payara Micro (JMS through the Artemis adapter, the PBX through
 * ours), under the same portable names the EAR declares with a full server's providers.
 */
package org.calldesk.micro;
