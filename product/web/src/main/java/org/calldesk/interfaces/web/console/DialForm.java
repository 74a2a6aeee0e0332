package org.calldesk.interfaces.web.console;

import java.io.Serializable;
import java.util.List;

/**
 * The Dial up dialog: the service to call for, the customer number and the sending number
 * (one of that service's, from Send No Management). What the agent typed stays when a dial is
 * refused, so only the wrong field needs fixing.
 */
public class DialForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private boolean open;
    private String serviceId;
    private String customerNumber;
    private String sendingNumber;

    /** Opens the dialog on the service chosen last, or the first one the agent may dial for. */
    void open(List<String> serviceIds) {
        if (serviceId == null || !serviceIds.contains(serviceId)) {
            serviceId = serviceIds.isEmpty() ? null : serviceIds.get(0);
        }
        open = true;
    }

    public boolean isOpen() {
        return open;
    }

    public void setOpen(boolean open) {
        this.open = open;
    }

    public String getServiceId() {
        return serviceId;
    }

    public void setServiceId(String serviceId) {
        this.serviceId = serviceId;
    }

    public String getCustomerNumber() {
        return customerNumber;
    }

    public void setCustomerNumber(String customerNumber) {
        this.customerNumber = customerNumber;
    }

    public String getSendingNumber() {
        return sendingNumber;
    }

    public void setSendingNumber(String sendingNumber) {
        this.sendingNumber = sendingNumber;
    }
}
