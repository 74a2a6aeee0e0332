package org.calldesk.interfaces.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.calldesk.application.CtiManagementService.ServiceDefinition;
import org.calldesk.application.CtiManagementService;
import org.calldesk.application.RequestRefused;
import org.calldesk.application.view.ServiceView;
import org.calldesk.interfaces.web.Caller;
import org.calldesk.interfaces.web.Feedback;
import org.calldesk.interfaces.web.Messages;
import org.calldesk.interfaces.web.PerRequest;

/**
 * Service Management: the services, the numbers customers dial to reach them, whether the call
 * function is on, the Disconnect announcement and the time an agent has to Confirm an alert.
 * With the PBX simulator configured, a test call rings a service from here.
 */
@Named("serviceAdmin")
@ViewScoped
public class ServiceManagement implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CtiManagementService cti;

    @Inject
    SimulatorRinger simulator;

    @Inject
    Caller caller;

    private final PerRequest<List<ServiceView>> services = new PerRequest<>(() -> cti.services());

    private boolean editing;
    private boolean creating;
    private String id;
    private String name;
    private String announcement;
    private Integer offerTimeoutSeconds;
    private boolean callEnabled = true;
    private String dialledNumbers;
    private String sendingNumbers;

    private String testCaller = randomCaller();

    public List<ServiceView> getServices() {
        return services.get();
    }

    public void startNew() {
        editing = true;
        creating = true;
        id = null;
        name = null;
        announcement = "custom/abuse-warning";
        offerTimeoutSeconds = (int) ServiceView.DEFAULT_OFFER_TIMEOUT.getSeconds();
        callEnabled = true;
        dialledNumbers = null;
        sendingNumbers = null;
    }

    public void edit(String serviceId) {
        ServiceView service = cti.service(serviceId);
        editing = true;
        creating = false;
        id = service.id();
        name = service.name();
        announcement = service.announcement();
        offerTimeoutSeconds = (int) service.offerTimeout().getSeconds();
        callEnabled = service.callEnabled();
        dialledNumbers = String.join(", ", service.dialledNumbers());
        sendingNumbers = String.join(", ", service.sendingNumbers());
    }

    public void cancel() {
        editing = false;
    }

    public void save() {
        if (id == null || id.isBlank()) {
            Feedback.error("serviceForm:id", Messages.text("services.idMissing"));
            return;
        }
        if (offerTimeoutSeconds == null || offerTimeoutSeconds < 1) {
            Feedback.error("serviceForm:offerTimeout", Messages.text("services.offerTimeoutMissing"));
            return;
        }
        String serviceId = id.strip();
        Set<String> sending = creating ? numbers(sendingNumbers) : cti.service(serviceId).sendingNumbers();
        ServiceDefinition definition = new ServiceDefinition(name, announcement,
                Duration.ofSeconds(offerTimeoutSeconds), callEnabled, numbers(dialledNumbers), sending);
        boolean saved = Feedback.attempt("serviceForm:formMessage",
                () -> creating ? cti.createService(caller.actor(), serviceId, definition)
                        : cti.changeService(caller.actor(), serviceId, definition),
                ServiceManagement::fieldFor).isPresent();
        if (saved) {
            Feedback.info("serviceForm:formMessage", Messages.text(creating ? "services.created" : "services.saved", serviceId));
            editing = false;
            services.reset();
        }
    }

    private static String fieldFor(RequestRefused refused) {
        switch (refused.refusal()) {
            case SERVICE_EXISTS:
                return "serviceForm:id";
            case NUMBER_TAKEN:
                return "serviceForm:dialledNumbers";
            default:
                String message = refused.getMessage().toLowerCase(java.util.Locale.ROOT);
                if (message.contains("announcement") || message.contains("sound")) {
                    return "serviceForm:announcement";
                }
                if (message.contains("offer timeout")) {
                    return "serviceForm:offerTimeout";
                }
                if (message.contains("sending")) {
                    return "serviceForm:sendingNumbers";
                }
                if (message.contains("number")) {
                    return "serviceForm:dialledNumbers";
                }
                if (message.contains("name")) {
                    return "serviceForm:name";
                }
                return "serviceForm:formMessage";
        }
    }

    // ---- test calls through the PBX simulator

    public boolean isSimulatorAvailable() {
        return simulator.isAvailable();
    }

    /** A customer (the number in the field) calls the service's number, through the PBX simulator. */
    public void ring(String dialledNumber) {
        String from = testCaller == null ? "" : testCaller.strip();
        if (!from.matches("[0-9]{3,20}")) {
            Feedback.error("ringForm:testCaller", Messages.text("ring.callerInvalid"));
            return;
        }
        try {
            simulator.ring(from, dialledNumber);
            Feedback.info("ringForm:ringMessage", Messages.text("ring.ringing", dialledNumber, from));
            testCaller = randomCaller();
        } catch (IllegalStateException e) {
            Feedback.error("ringForm:ringMessage", Feedback.sentence(e.getMessage()));
        }
    }

    private static String randomCaller() {
        return "010" + (10_000_000 + ThreadLocalRandom.current().nextInt(90_000_000));
    }

    private static Set<String> numbers(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(text.split("[,;\\s]+")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public boolean isEditing() {
        return editing;
    }

    public boolean isCreating() {
        return creating;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getAnnouncement() {
        return announcement;
    }

    public void setAnnouncement(String announcement) {
        this.announcement = announcement;
    }

    public Integer getOfferTimeoutSeconds() {
        return offerTimeoutSeconds;
    }

    public void setOfferTimeoutSeconds(Integer offerTimeoutSeconds) {
        this.offerTimeoutSeconds = offerTimeoutSeconds;
    }

    public boolean isCallEnabled() {
        return callEnabled;
    }

    public void setCallEnabled(boolean callEnabled) {
        this.callEnabled = callEnabled;
    }

    public String getDialledNumbers() {
        return dialledNumbers;
    }

    public void setDialledNumbers(String dialledNumbers) {
        this.dialledNumbers = dialledNumbers;
    }

    public String getSendingNumbers() {
        return sendingNumbers;
    }

    public void setSendingNumbers(String sendingNumbers) {
        this.sendingNumbers = sendingNumbers;
    }

    public String getTestCaller() {
        return testCaller;
    }

    public void setTestCaller(String testCaller) {
        this.testCaller = testCaller;
    }
}
