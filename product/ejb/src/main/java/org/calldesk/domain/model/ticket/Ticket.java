package org.calldesk.domain.model.ticket;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.calldesk.domain.model.customer.Customer;

/**
 * The ticket of a service that every connected call gets, to process the customer's matter:
 * Resolved, Pending, and comments. Its entries keep who changed what and when.
 */
@Entity
@Table(name = "ticket")
public class Ticket {

    public static final int MAX_COMMENT_LENGTH = 4000;

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "service_id", nullable = false, length = 36)
    private String serviceId;

    @Column(name = "call_id", length = 36)
    private String callId;

    @Column(name = "customer_number", nullable = false, length = 64)
    private String customerNumber;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private TicketStatus status;

    @Column(name = "assignee_id", length = 64)
    private String assigneeId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "customer_id", length = 128)
    private String customerId;

    @Column(name = "customer_name", length = 200)
    private String customerName;

    @Column(name = "customer_company", length = 200)
    private String customerCompany;

    @Column(name = "customer_url", length = 1000)
    private String customerUrl;

    @OneToMany(mappedBy = "ticket", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("writtenAt ASC")
    private List<TicketEntry> entries = new ArrayList<>();

    @Column(name = "sequence", nullable = false)
    private long sequence;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Ticket() {
        // for JPA
    }

    private Ticket(String serviceId, String callId, String customerNumber, String assigneeId, String author, Instant at) {
        this.id = UUID.randomUUID().toString();
        this.serviceId = Objects.requireNonNull(serviceId, "serviceId is required");
        this.callId = callId;
        this.customerNumber = Objects.requireNonNull(customerNumber, "customerNumber is required");
        this.assigneeId = assigneeId;
        this.status = TicketStatus.OPEN;
        this.createdAt = Objects.requireNonNull(at, "at is required");
        this.updatedAt = at;
        this.sequence = 1;
        entries.add(new TicketEntry(this, TicketEntryKind.CREATED, null, author, at));
    }

    /** The ticket created automatically when a call of the service is connected. */
    public static Ticket forCall(String serviceId, String callId, String customerNumber, String agentId, Instant at) {
        return new Ticket(serviceId, Objects.requireNonNull(callId, "callId is required"), customerNumber,
                Objects.requireNonNull(agentId, "agentId is required"), agentId, at);
    }

    /**
     * A ticket made without a call of its own (a CRM opening a matter for a customer).
     *
     * @param assigneeId the agent to process it, or null for none yet
     * @param author who made it
     */
    public static Ticket opened(String serviceId, String customerNumber, String assigneeId, String author, Instant at) {
        return new Ticket(serviceId, null, customerNumber, assigneeId,
                Objects.requireNonNull(author, "author is required"), at);
    }

    /** The new ticket shows the caller the call's screen pop found already, if any; not a change of its own. */
    public Ticket withCustomer(Optional<Customer> customer) {
        if (sequence == 1 && entries.size() == 1) {
            customer.ifPresent(this::setCustomer);
        }
        return this;
    }

    /**
     * The screen pop found the caller after the ticket was made.
     *
     * @return whether this changed the ticket (not for the same card again)
     */
    public boolean identifyCustomer(Customer customer) {
        Objects.requireNonNull(customer, "customer is required");
        if (customer().filter(customer::equals).isPresent()) {
            return false;
        }
        setCustomer(customer);
        sequence++;
        return true;
    }

    private void setCustomer(Customer customer) {
        customerId = customer.id();
        customerName = customer.name();
        customerCompany = customer.company();
        customerUrl = customer.url();
    }

    /** @return whether this changed the ticket (not when already resolved) */
    public boolean resolve(String by, Instant at) {
        return changeStatus(TicketStatus.RESOLVED, TicketEntryKind.RESOLVED, by, at);
    }

    /** @return whether this changed the ticket (not when already pending) */
    public boolean setPending(String by, Instant at) {
        return changeStatus(TicketStatus.PENDING, TicketEntryKind.PENDING, by, at);
    }

    /** @return whether this changed the ticket (not when already open) */
    public boolean reopen(String by, Instant at) {
        return changeStatus(TicketStatus.OPEN, TicketEntryKind.REOPENED, by, at);
    }

    public TicketEntry comment(String by, String text, Instant at) {
        Objects.requireNonNull(text, "text is required");
        if (text.isBlank() || text.length() > MAX_COMMENT_LENGTH) {
            throw new IllegalArgumentException("a comment has 1 to " + MAX_COMMENT_LENGTH + " characters");
        }
        return append(TicketEntryKind.COMMENT, text.strip(), by, at);
    }

    /** Transfer connect: the ticket follows the call to the agent who now has it. */
    public void reassign(String agentId, String by, Instant at) {
        Objects.requireNonNull(agentId, "agentId is required");
        if (agentId.equals(assigneeId)) {
            return;
        }
        assigneeId = agentId;
        append(TicketEntryKind.REASSIGNED, agentId, by, at);
    }

    private boolean changeStatus(TicketStatus next, TicketEntryKind kind, String by, Instant at) {
        if (status == next) {
            return false;
        }
        status = next;
        append(kind, null, by, at);
        return true;
    }

    private TicketEntry append(TicketEntryKind kind, String body, String by, Instant at) {
        Objects.requireNonNull(by, "by is required");
        Objects.requireNonNull(at, "at is required");
        TicketEntry entry = new TicketEntry(this, kind, body, by, at);
        entries.add(entry);
        updatedAt = at;
        sequence++;
        return entry;
    }

    public String id() {
        return id;
    }

    public String serviceId() {
        return serviceId;
    }

    public Optional<String> callId() {
        return Optional.ofNullable(callId);
    }

    public String customerNumber() {
        return customerNumber;
    }

    /** The caller as the CRM knows them, if the screen pop found them. */
    public Optional<Customer> customer() {
        return customerId == null ? Optional.empty()
                : Optional.of(new Customer(customerId, customerName, customerCompany, customerUrl));
    }

    public TicketStatus status() {
        return status;
    }

    public Optional<String> assigneeId() {
        return Optional.ofNullable(assigneeId);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public List<TicketEntry> entries() {
        return List.copyOf(entries);
    }

    /** The last change, which names the event published for it. */
    public TicketEntry lastEntry() {
        return entries.get(entries.size() - 1);
    }

    public long sequence() {
        return sequence;
    }
}
