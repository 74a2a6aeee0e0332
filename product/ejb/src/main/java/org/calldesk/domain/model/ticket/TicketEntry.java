package org.calldesk.domain.model.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** One change of a ticket or one comment on it, with who and when; entries are never changed. */
@Entity
@Table(name = "ticket_entry")
public class TicketEntry {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "ticket_id", nullable = false)
    private Ticket ticket;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 16)
    private TicketEntryKind kind;

    @Column(name = "body", length = 4000)
    private String body;

    @Column(name = "author", nullable = false, length = 64)
    private String author;

    @Column(name = "written_at", nullable = false)
    private Instant writtenAt;

    protected TicketEntry() {
        // for JPA
    }

    TicketEntry(Ticket ticket, TicketEntryKind kind, String body, String author, Instant writtenAt) {
        this.id = UUID.randomUUID().toString();
        this.ticket = Objects.requireNonNull(ticket, "ticket is required");
        this.kind = Objects.requireNonNull(kind, "kind is required");
        this.body = body;
        this.author = Objects.requireNonNull(author, "author is required");
        this.writtenAt = Objects.requireNonNull(writtenAt, "writtenAt is required");
    }

    public String id() {
        return id;
    }

    public TicketEntryKind kind() {
        return kind;
    }

    public Optional<String> body() {
        return Optional.ofNullable(body);
    }

    public String author() {
        return author;
    }

    public Instant writtenAt() {
        return writtenAt;
    }
}
