package org.calldesk.interfaces.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.calldesk.application.CtiManagementService;
import org.calldesk.application.RequestRefused;
import org.calldesk.application.view.ServiceView;
import org.calldesk.interfaces.web.Caller;
import org.calldesk.interfaces.web.Feedback;
import org.calldesk.interfaces.web.Messages;
import org.calldesk.interfaces.web.PerRequest;

/**
 * Send No Management (Service Management, Call): the numbers a service's agents may show to the
 * customer when they Dial up. The Dial up dialog offers exactly these.
 */
@Named("sendNo")
@ViewScoped
public class SendNoManagement implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CtiManagementService cti;

    @Inject
    Caller caller;

    private final PerRequest<List<ServiceView>> services = new PerRequest<>(() -> cti.services());

    private String serviceId;
    private String newNumber;

    public List<ServiceView> getServices() {
        return services.get();
    }

    public ServiceView getService() {
        List<ServiceView> all = services.get();
        if (all.isEmpty()) {
            return null;
        }
        if (serviceId == null || all.stream().noneMatch(s -> s.id().equals(serviceId))) {
            serviceId = all.get(0).id();
        }
        return all.stream().filter(s -> s.id().equals(serviceId)).findFirst().orElse(null);
    }

    public void add() {
        String number = newNumber == null ? "" : newNumber.strip();
        if (number.isEmpty()) {
            Feedback.error("sendNoForm:newNumber", Messages.text("sendNo.numberMissing"));
            return;
        }
        Optional<ServiceView> changed = Feedback.attempt("sendNoForm:newNumber",
                () -> cti.addSendingNumber(caller.actor(), serviceId, number), refused -> "sendNoForm:newNumber");
        if (changed.isPresent()) {
            Feedback.info("sendNoForm:listMessage", Messages.text("sendNo.added", number, changed.get().name()));
            newNumber = null;
            services.reset();
        }
    }

    public void remove(String number) {
        Optional<ServiceView> changed = Feedback.attempt("sendNoForm:listMessage",
                () -> cti.removeSendingNumber(caller.actor(), serviceId, number),
                (RequestRefused refused) -> "sendNoForm:listMessage");
        if (changed.isPresent()) {
            Feedback.info("sendNoForm:listMessage", Messages.text("sendNo.removed", number, changed.get().name()));
            services.reset();
        }
    }

    public String getServiceId() {
        return serviceId;
    }

    public void setServiceId(String serviceId) {
        this.serviceId = serviceId;
    }

    public String getNewNumber() {
        return newNumber;
    }

    public void setNewNumber(String newNumber) {
        this.newNumber = newNumber;
    }
}
