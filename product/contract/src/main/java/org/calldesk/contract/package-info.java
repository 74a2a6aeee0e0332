/**
 * CallDesk's wire contract: the JSON it writes and reads on REST, on the events topic, in the consoles'
 * push, in the outbox and in the CRM push, as typed records with one mapping each. It depends on no class
 * of ours; the application maps its read models to these records.
 */
package org.calldesk.contract;
