package org.calldesk.application.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.calldesk.application.Actor;
import org.calldesk.application.CtiManagementService.AgentRegistration;
import org.calldesk.application.CtiManagementService.ServiceDefinition;
import org.calldesk.application.PbxEventsOnTheWay;
import org.calldesk.infrastructure.messaging.jms.EventsOnTheWay;
import org.calldesk.infrastructure.pbx.PbxTranslation;
import org.calldesk.connector.api.CallEvent;
import org.calldesk.connector.api.CallId;
import org.calldesk.domain.model.agent.AgentRole;
import org.calldesk.domain.model.agent.AgentStatus;
import org.calldesk.domain.model.call.Call;
import org.calldesk.domain.model.call.CallRepository;
import org.calldesk.domain.model.call.CallStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 3: waiting calls are offered in their order of arrival at the PBX whatever order
 * the queue's sessions commit their records in. After a broker outage the queue hands a batch
 * of arrivals to parallel sessions; the later caller's record committing first must not get it
 * the Ready agent before the earlier caller, whose arrival is still on its way.
 */
class ArrivalOrderTest {

    private static final Actor ADMIN = new Actor("admin", true);

    private final InMemoryRepositories repositories = new InMemoryRepositories();
    private final RecordingEvents events = new RecordingEvents();
    private static final Instant START = Instant.parse("2026-12-07T13:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final PbxEventsOnTheWay onTheWay = new PbxEventsOnTheWay(clock);
    /** Runs once right after routing read the waiting calls: what another session commits meanwhile. */
    private Runnable afterWaitingRead = () -> { };
    private Wiring app;

    @BeforeEach
    void setUp() {
        app = Wiring.over(readingWaitingCallsThen(repositories.callRepository), repositories.agentRepository,
                repositories.serviceRepository,
                repositories.ticketRepository, new FakePbx(), events, events, clock, onTheWay);
        app.cti().createService(ADMIN, "support", new ServiceDefinition("Customer Support", "custom/abuse-warning",
                Duration.ofSeconds(20), true, Set.of("15880001"), Set.of("15880001")));
        app.cti().createService(ADMIN, "sales", new ServiceDefinition("Sales", "custom/abuse-warning",
                Duration.ofSeconds(20), true, Set.of("15880002"), Set.of("15880002")));
        app.cti().registerAgent(ADMIN, "alice", new AgentRegistration("Alice", "1001", "PJSIP/1001", AgentRole.AGENT,
                Set.of("support", "sales")));
        Actor alice = new Actor("alice", false);
        app.agentService().logIn(alice, "alice");
        app.agentService().chooseStatus(alice, "alice", AgentStatus.READY, null);
    }

    @Test
    void aLaterCallerRecordedFirstDoesNotOvertakeAnEarlierOneStillOnTheQueue() {
        CallEvent.CallArrived earlier = queued("in.1", "15880001", 0, "e1");
        CallEvent.CallArrived later = queued("in.2", "15880001", 500, "e2");

        apply(later, "e2"); // a second session commits the later caller first
        assertThat(app.routing().offerWaitingCalls("support", 20)).as("offers while the earlier caller is on its way")
                .isZero();
        assertThat(call("in.2").status()).isEqualTo(CallStatus.WAITING);

        apply(earlier, "e1");
        assertThat(app.routing().offerWaitingCalls("support", 20)).isEqualTo(1);
        assertThat(call("in.1").agentId()).as("the earlier caller").contains("alice");
        assertThat(call("in.2").status()).isEqualTo(CallStatus.WAITING);
    }

    @Test
    void callsThatArrivedBeforeTheOneOnItsWayAreOfferedMeanwhile() {
        CallEvent.CallArrived first = queued("in.1", "15880001", 0, "e1");
        queued("in.2", "15880001", 500, "e2");
        CallEvent.CallArrived third = queued("in.3", "15880001", 1000, "e3");
        apply(third, "e3");
        apply(first, "e1");

        assertThat(app.routing().offerWaitingCalls("support", 20)).isEqualTo(1);
        assertThat(call("in.1").agentId()).contains("alice");
        assertThat(call("in.3").status()).isEqualTo(CallStatus.WAITING);
    }

    @Test
    void aCallerOfAnotherServiceOnItsWayHoldsNothingBack() {
        queued("in.1", "15880002", 0, "e1");
        CallEvent.CallArrived support = queued("in.2", "15880001", 500, "e2");
        apply(support, "e2");

        assertThat(app.routing().offerWaitingCalls("support", 20)).isEqualTo(1);
        assertThat(call("in.2").agentId()).contains("alice");
    }

    @Test
    void anArrivalAnotherNodeRecordedHoldsNothingBack() {
        CallEvent.CallArrived earlier = queued("in.1", "15880001", 0, "e1");
        CallEvent.CallArrived later = queued("in.2", "15880001", 500, "e2");
        app.callEvents().handle(PbxTranslation.report(earlier)); // applied from another node's copy: this node is not told
        apply(later, "e2");

        assertThat(app.routing().offerWaitingCalls("support", 20)).isEqualTo(1);
        assertThat(call("in.1").agentId()).contains("alice");
        assertThat(onTheWay.arrivalsBefore(clock.instant().plusSeconds(1))).isEmpty();
    }

    @Test
    void anArrivalNeverAppliedIsGivenUpOnAfterThePatience() {
        queued("in.1", "15880001", 0, "e1");
        CallEvent.CallArrived later = queued("in.2", "15880001", 500, "e2");
        apply(later, "e2");
        assertThat(app.routing().offerWaitingCalls("support", 20)).isZero();

        clock.advance(PbxEventsOnTheWay.PATIENCE.plusSeconds(1));
        assertThat(app.routing().offerWaitingCalls("support", 20)).isEqualTo(1);
        assertThat(call("in.2").agentId()).contains("alice");
        assertThat(onTheWay.hasEventsFor("in.1")).isFalse();
    }

    @Test
    void anArrivalWaitingForTheDatabaseLongerThanThePatienceStillHoldsLaterCallersBack() {
        CallEvent.CallArrived earlier = queued("in.1", "15880001", 0, "e1");
        CallEvent.CallArrived later = queued("in.2", "15880001", 500, "e2");
        for (int minute = 0; minute < 30; minute++) { // the database is away for half an hour
            clock.advance(java.time.Duration.ofMinutes(1));
            onTheWay.databaseAwaited(); // the queue's consumer still waits with the earlier arrival
        }
        apply(later, "e2"); // the later one's session got the database back first

        assertThat(app.routing().offerWaitingCalls("support", 20)).isZero();
        apply(earlier, "e1");
        assertThat(app.routing().offerWaitingCalls("support", 20)).isEqualTo(1);
        assertThat(call("in.1").agentId()).contains("alice");

        clock.advance(PbxEventsOnTheWay.PATIENCE.plusSeconds(1)); // the patience runs again once nobody waits
        queued("in.3", "15880001", 1000, "e3");
        clock.advance(PbxEventsOnTheWay.PATIENCE.plusSeconds(1));
        assertThat(onTheWay.hasEventsFor("in.3")).isFalse();
    }

    @Test
    void thePatienceCountsFromWhenTheBrokerTookTheArrivalNotFromASendThatWaitedForIt() {
        CallEvent.CallArrived earlier = queued("in.1", "15880001", 0, "e1");
        CallEvent.CallArrived later = queued("in.2", "15880001", 500, "e2");
        clock.advance(PbxEventsOnTheWay.PATIENCE.multipliedBy(2)); // the broker was down this long; the sends waited
        EventsOnTheWay.sent(onTheWay, earlier, "e1");
        EventsOnTheWay.sent(onTheWay, later, "e2");
        apply(later, "e2");

        assertThat(app.routing().offerWaitingCalls("support", 20)).isZero();
        apply(earlier, "e1");
        assertThat(app.routing().offerWaitingCalls("support", 20)).isEqualTo(1);
        assertThat(call("in.1").agentId()).contains("alice");
    }

    @Test
    void anEarlierCallerRecordedJustAfterRoutingReadTheWaitingCallsIsNotOvertakenEither() {
        CallEvent.CallArrived earlier = queued("in.1", "15880001", 0, "e1");
        CallEvent.CallArrived later = queued("in.2", "15880001", 500, "e2");
        apply(later, "e2");
        afterWaitingRead = () -> apply(earlier, "e1"); // commits, and is no longer on its way, in between

        assertThat(app.routing().offerWaitingCalls("support", 20)).isZero();
        assertThat(call("in.2").status()).isEqualTo(CallStatus.WAITING);
        assertThat(app.routing().offerWaitingCalls("support", 20)).isEqualTo(1);
        assertThat(call("in.1").agentId()).contains("alice");
    }

    /** The calls, where reading the waiting calls runs {@link #afterWaitingRead} once, right after. */
    private CallRepository readingWaitingCallsThen(CallRepository calls) {
        return (CallRepository) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {CallRepository.class}, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(calls, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("oldestWaiting")) {
                        Runnable then = afterWaitingRead;
                        afterWaitingRead = () -> { };
                        then.run();
                    }
                    return result;
                });
    }

    @Test
    void anEarlierCallerWhoseSendFailedIsNotOvertakenByALaterOneSentMeanwhile() {
        // the broker went away: the earlier caller's send failed (the adapter keeps it and delivers
        // it again later), while the later caller's send, under way on another thread, went through
        CallEvent.CallArrived earlier = queued("in.1", "15880001", 0, "e1");
        CallEvent.CallArrived later = queued("in.2", "15880001", 500, "e2");
        EventsOnTheWay.sent(onTheWay, later, "e2");
        apply(later, "e2");
        assertThat(app.routing().offerWaitingCalls("support", 20)).isZero();

        EventsOnTheWay.queued(onTheWay, earlier, "e1"); // delivered again by the adapter
        EventsOnTheWay.sent(onTheWay, earlier, "e1");
        apply(earlier, "e1");
        assertThat(app.routing().offerWaitingCalls("support", 20)).isEqualTo(1);
        assertThat(call("in.1").agentId()).contains("alice");
        assertThat(onTheWay.hasEventsFor("in.1")).as("queued twice, applied once: no longer on its way").isFalse();
    }

    /** What the queue's consumer does: apply, then tell that the event is no longer on its way. */
    private void apply(CallEvent event, String eventId) {
        app.callEvents().handle(PbxTranslation.report(event));
        EventsOnTheWay.applied(onTheWay, event, eventId);
    }

    /** A caller who reached the PBX {@code millis} after the start, whose arrival this node put on the queue. */
    private CallEvent.CallArrived queued(String pbxCallId, String dialled, long millis, String eventId) {
        CallEvent.CallArrived arrival = new CallEvent.CallArrived(new CallId(pbxCallId), "0101", dialled,
                START.plusMillis(millis));
        EventsOnTheWay.queued(onTheWay, arrival, eventId);
        return arrival;
    }

    private Call call(String pbxCallId) {
        return repositories.callRepository.findByPbxCallId(pbxCallId).orElseThrow();
    }
}
