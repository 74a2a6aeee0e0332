/**
 * The demo data of the embedded run (accounts, services and CTI agents on the simulator's
 * phones), loaded only when it is switched on.
 */
package org.calldesk.infrastructure.demo;
