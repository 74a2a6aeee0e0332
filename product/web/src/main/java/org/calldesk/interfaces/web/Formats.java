package org.calldesk.interfaces.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.calldesk.application.view.AgentView;
import org.calldesk.application.view.CallView;
import org.calldesk.domain.model.agent.AgentStatus;
import org.calldesk.domain.model.agent.BusinessReason;
import org.calldesk.domain.model.call.CallStatus;
import org.calldesk.domain.model.customer.Customer;
import org.calldesk.domain.model.ticket.TicketEntryKind;
import org.calldesk.domain.model.ticket.TicketStatus;

/**
 * How the console shows values: statuses, reasons, end causes and ticket entries in words from
 * the resource bundle ({@link Messages}), times, durations, the caller's line and the CSS class
 * of each status, so every page says the same.
 */
@Named
@ApplicationScoped
public class Formats {

    /**
     * The screen pop's line for a caller the CRM knows: "name · company", or null while the CRM
     * has not answered (or knows no one with that number).
     */
    public String customer(Optional<Customer> customer) {
        if (customer == null || customer.isEmpty()) {
            return null;
        }
        Customer known = customer.get();
        return known.companyName().map(company -> known.name() + " · " + company).orElse(known.name());
    }

    /** Where the agent opens the caller in the CRM, or null. */
    public String customerLink(Optional<Customer> customer) {
        return customer == null ? null : customer.flatMap(Customer::link).orElse(null);
    }

    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    public String status(AgentStatus status) {
        return status == null ? "" : word("agentStatus.", status.name());
    }

    /** The status as the CTI screen shows it: Business with its reason, e.g. "Business: Meeting". */
    public String agentStatus(AgentView agent) {
        if (agent == null) {
            return "";
        }
        return agent.businessReason().map(reason -> Messages.text("agentStatus.withReason", status(agent.status()),
                reason(reason))).orElse(status(agent.status()));
    }

    public long secondsInStatus(AgentView agent) {
        return agent == null ? 0 : Math.max(0, agent.timeInStatus(Instant.now()).getSeconds());
    }

    /** Numbers or ids as a list to read, e.g. "15880001, 0215880001". */
    public String join(java.util.Collection<String> values) {
        return values == null ? "" : String.join(", ", values);
    }

    /** A CSS class per status: the colour of its badge. */
    public String statusClass(AgentStatus status) {
        return status == null ? "" : "status-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String reason(BusinessReason reason) {
        return reason == null ? "" : word("businessReason.", reason.name());
    }

    public BusinessReason[] getBusinessReasons() {
        return BusinessReason.values();
    }

    public String callStatus(CallStatus status) {
        return status == null ? "" : word("callStatus.", status.name());
    }

    public String direction(CallView call) {
        return call == null ? "" : word("callDirection.", call.direction().name());
    }

    /** Why a call ended, in words. */
    public String endCause(String cause) {
        return cause == null ? "" : word("endCause.", cause);
    }

    public String ticketStatus(TicketStatus status) {
        return status == null ? "" : word("ticketStatus.", status.name());
    }

    public String ticketStatusClass(TicketStatus status) {
        return status == null ? "" : "ticket-" + status.name().toLowerCase(Locale.ROOT);
    }

    public TicketStatus[] getTicketStatuses() {
        return TicketStatus.values();
    }

    public String entryKind(TicketEntryKind kind) {
        return kind == null ? "" : word("ticketEntry.", kind.name());
    }

    /** A time for the page: ISO for the browser to show in its own zone, UTC as the fallback text. */
    public String iso(Instant time) {
        return time == null ? "" : time.toString();
    }

    public String utc(Instant time) {
        return time == null ? "" : UTC_TIME.format(time);
    }

    /** A duration as m:ss or h:mm:ss. */
    public String duration(Duration duration) {
        if (duration == null || duration.isNegative()) {
            return "0:00";
        }
        long seconds = duration.getSeconds();
        long hours = seconds / 3600;
        long minutes = (seconds % 3600) / 60;
        long secs = seconds % 60;
        return hours > 0 ? String.format("%d:%02d:%02d", hours, minutes, secs) : String.format("%d:%02d", minutes, secs);
    }

    /** Seconds as m:ss or h:mm:ss, as the status timer shows them. */
    public String clock(long seconds) {
        return duration(Duration.ofSeconds(seconds));
    }

    /** How long a call lasted (or has lasted), from connection (or start) to its end (or now). */
    public String callDuration(CallView call) {
        if (call == null) {
            return "";
        }
        Instant from = call.connectedAt().orElse(call.startedAt());
        Instant to = call.endedAt().orElse(Instant.now());
        return duration(Duration.between(from, to));
    }

    /** The bundle's word for a value; a value the bundle does not know yet is shown as its name, readable. */
    private static String word(String prefix, String name) {
        return word(Messages.locale(), prefix, name);
    }

    static String word(Locale locale, String prefix, String name) {
        return Messages.find(locale, prefix + name).orElseGet(() -> capitalised(name));
    }

    private static String capitalised(String name) {
        String lower = name.toLowerCase(Locale.ROOT).replace('_', ' ');
        return lower.substring(0, 1).toUpperCase(Locale.ROOT) + lower.substring(1);
    }
}
