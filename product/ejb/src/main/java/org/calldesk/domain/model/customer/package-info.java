/**
 * Who a caller is according to the CRM: the card the contact center keeps on a call and its
 * ticket after the screen pop. The CRM owns the customer.
 */
package org.calldesk.domain.model.customer;
