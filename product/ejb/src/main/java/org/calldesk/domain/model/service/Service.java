package org.calldesk.domain.model.service;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A service of the contact center (Customer Support, Sales...): the numbers customers dial to
 * reach it, the sending (caller-ID) numbers its agents may dial out with (Send No Management),
 * the announcement a Disconnect plays to an abusive caller, and how long an offered call waits
 * for an agent's Confirm before it goes to the next agent.
 */
@Entity
@Table(name = "contact_service")
public class Service {

    /** Digits only, as a PBX dials and presents them. */
    public static final Pattern PHONE_NUMBER = Pattern.compile("[0-9]{3,20}");

    /** A sound name as the PBX's Playback takes it, such as {@code custom/abuse-warning}. */
    public static final Pattern SOUND = Pattern.compile("[A-Za-z0-9_./-]{1,128}");

    public static final Duration DEFAULT_OFFER_TIMEOUT = Duration.ofSeconds(20);

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "name", nullable = false, length = 128)
    private String name;

    @Column(name = "announcement", nullable = false, length = 128)
    private String announcement;

    @Column(name = "offer_timeout_seconds", nullable = false)
    private int offerTimeoutSeconds;

    @Column(name = "call_enabled", nullable = false)
    private boolean callEnabled;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "service_number", joinColumns = @JoinColumn(name = "service_id"))
    @Column(name = "dialled_number", length = 32)
    private Set<String> dialledNumbers = new TreeSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sending_number", joinColumns = @JoinColumn(name = "service_id"))
    @Column(name = "sending_number", length = 32)
    private Set<String> sendingNumbers = new TreeSet<>();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Service() {
        // for JPA
    }

    public Service(String id, String name, String announcement, Duration offerTimeout) {
        this.id = requireText(id, "id");
        this.callEnabled = true;
        rename(name);
        changeAnnouncement(announcement);
        changeOfferTimeout(offerTimeout);
    }

    public void rename(String name) {
        this.name = requireText(name, "name");
    }

    public void changeAnnouncement(String announcement) {
        requireText(announcement, "announcement");
        if (!SOUND.matcher(announcement).matches()) {
            throw new IllegalArgumentException("the announcement must be a sound name such as custom/abuse-warning");
        }
        this.announcement = announcement;
    }

    public void changeOfferTimeout(Duration offerTimeout) {
        Objects.requireNonNull(offerTimeout, "offerTimeout is required");
        if (offerTimeout.getSeconds() < 5 || offerTimeout.getSeconds() > 300) {
            throw new IllegalArgumentException("the offer timeout must be between 5 and 300 seconds");
        }
        this.offerTimeoutSeconds = (int) offerTimeout.getSeconds();
    }

    /** The call function is switched on or off per service; only enabled services route and dial. */
    public void enableCalls(boolean enabled) {
        this.callEnabled = enabled;
    }

    public void addDialledNumber(String number) {
        dialledNumbers.add(requireNumber(number, "dialled number"));
    }

    public boolean removeDialledNumber(String number) {
        return dialledNumbers.remove(number);
    }

    /** Send No Management: a caller-ID number this service's agents may dial out with. */
    public void addSendingNumber(String number) {
        sendingNumbers.add(requireNumber(number, "sending number"));
    }

    public boolean removeSendingNumber(String number) {
        return sendingNumbers.remove(number);
    }

    public boolean offersSendingNumber(String number) {
        return sendingNumbers.contains(number);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String announcement() {
        return announcement;
    }

    public Duration offerTimeout() {
        return Duration.ofSeconds(offerTimeoutSeconds);
    }

    public boolean callEnabled() {
        return callEnabled;
    }

    public Set<String> dialledNumbers() {
        return Collections.unmodifiableSet(new TreeSet<>(dialledNumbers));
    }

    public Set<String> sendingNumbers() {
        return Collections.unmodifiableSet(new TreeSet<>(sendingNumbers));
    }

    static String requireNumber(String number, String what) {
        Objects.requireNonNull(number, what + " is required");
        if (!PHONE_NUMBER.matcher(number).matches()) {
            throw new IllegalArgumentException("the " + what + " must be 3 to 20 digits, not '" + number + "'");
        }
        return number;
    }

    private static String requireText(String value, String what) {
        Objects.requireNonNull(value, what + " is required");
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value.strip();
    }
}
