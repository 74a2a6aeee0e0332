package org.calldesk.connector.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.asteriskjava.manager.event.ManagerEvent;
import org.calldesk.connector.ami.mapping.AmiEventMapper;
import org.calldesk.connector.ami.mapping.CallRegistry;
import org.calldesk.connector.api.CallEvent.CallAnswered;
import org.calldesk.connector.api.CallEvent.CallArrived;
import org.calldesk.connector.api.CallEvent.CallEnded;
import org.calldesk.connector.api.CallEvent.CallHeld;
import org.calldesk.connector.api.CallEvent.CallRetrieved;
import org.calldesk.connector.api.CallEvent.CallRinging;
import org.calldesk.connector.api.CallEvent.CallTransferred;
import org.calldesk.connector.api.CallEvent.ConsultAnswered;
import org.calldesk.connector.api.CallEvent.ConsultFailed;
import org.calldesk.connector.api.CallEvent.DeviceStateChanged;
import org.calldesk.connector.api.CallEvent;
import org.calldesk.connector.api.CallId;
import org.calldesk.connector.api.DeviceId;
import org.calldesk.connector.api.EndCause;
import org.junit.jupiter.api.Test;

/**
 * What a real Asterisk 22.10.1 sent during a walk of the product manual (and the simulator for
 * the same AMI actions), replayed through the adapter's mapping: the call events must be the
 * ones the application expects. The traces and the rig's dialplan are described in
 * {@code src/test/resources/asterisk-traces/README.md}; the rig's agents' phones are Local
 * channels ({@code Local/1001@phones}), as are its customers.
 */
class AsteriskTraceReplayTest {

    private static final String WALK = "asterisk-22.10.1-walk.ami.txt";
    private static final String USER_VIEW = "asterisk-22.10.1-calldesk-user-view.ami.txt";
    private static final String SIMULATOR = "simulator-same-actions.ami.txt";
    private static final Instant T0 = Instant.parse("2026-12-07T05:00:00Z");
    private static final DeviceId AGENT1 = new DeviceId("Local/1001@phones");
    private static final DeviceId AGENT2 = new DeviceId("Local/1002@phones");
    private static final DeviceId AGENT3 = new DeviceId("Local/1050@phones");

    private final CallRegistry registry = new CallRegistry();
    private final AmiEventMapper mapper = new AmiEventMapper(registry, DialplanContexts.DEFAULTS,
            Clock.fixed(T0, ZoneOffset.UTC));

    /** The call events (without device states) the events imply, each with the time the trace gives it. */
    private List<CallEvent> replay(List<ManagerEvent> events) {
        List<CallEvent> out = new ArrayList<>();
        for (ManagerEvent event : events) {
            for (CallEvent callEvent : mapper.map(event)) {
                if (!(callEvent instanceof DeviceStateChanged)) {
                    out.add(callEvent);
                }
            }
        }
        return out;
    }

    private List<CallEvent> replay(String trace, String from, String to) {
        return replay(AmiTrace.between(AmiTrace.read(trace), from, to));
    }

    /** Agent 1 placed a Dial up: the adapter registers it before its Originate, as AmiCallControl does. */
    private CallId dialUpPlaced(String callId, String customerNumber) {
        CallId call = new CallId(callId);
        registry.registerOutbound(call, AGENT1, customerNumber);
        return call;
    }

    @Test
    void inboundCallConnectedHeldRetrievedTransferredAndDisconnected() {
        CallId call = new CallId("1796621084.2");

        List<CallEvent> events = replay(WALK, "05:24:42", "05:25:24");

        assertThat(events).containsExactlyElementsOf(answered(call, "01012345678", AGENT1,
                new CallHeld(call, T0),
                new CallRetrieved(call, T0),
                new CallHeld(call, T0),
                new CallRinging(call, AGENT2.value(), T0),
                new ConsultAnswered(call, AGENT2, T0),
                new CallTransferred(call, AGENT1, AGENT2, T0),
                // Disconnect: the transferred-to agent's leg is hung up before the announcement ends
                new CallEnded(call, EndCause.AGENT_HANGUP, T0)));
    }

    /** An inbound call to 15880001 arrived, rang the agent and was answered, then what {@code next} says. */
    private static List<CallEvent> answered(CallId call, String caller, DeviceId agent, CallEvent... next) {
        List<CallEvent> events = new ArrayList<>(List.of(
                new CallArrived(call, caller, "15880001", T0),
                new CallRinging(call, agent.value(), T0),
                new CallAnswered(call, agent, T0)));
        events.addAll(List.of(next));
        return events;
    }

    /** The customer's Local channel is hung up after the agent's leg, but it left the bridge first. */
    @Test
    void dialUpFromALocalChannelDeviceTakesTheCustomerDialBeginNamesAndEndsWhenItHangsUp() {
        CallId call = dialUpPlaced("calldesk-o-7b2d2b55-2197-4097-b171-b93e42645639", "01099998888");

        List<CallEvent> answered = replay(WALK, "05:25:43", "05:25:47");
        String customer = registry.view(call).orElseThrow().customerChannel();
        List<CallEvent> ended = replay(WALK, "05:25:48", "05:26:12");

        assertThat(answered).containsExactly(
                new CallRinging(call, AGENT1.value(), T0),
                new CallRinging(call, "01099998888", T0),
                new CallAnswered(call, AGENT1, T0));
        assertThat(customer).isEqualTo("Local/01099998888@customers-00000006;1");
        assertThat(ended).containsExactly(new CallEnded(call, EndCause.CUSTOMER_HANGUP, T0));
    }

    @Test
    void anInboundCallTheAgentHangsUpEndsAsTheAgentsHangup() {
        CallId call = new CallId("1796621133.14");

        List<CallEvent> events = replay(WALK, "05:25:33", "05:25:39");

        assertThat(events).last().isEqualTo(new CallEnded(call, EndCause.AGENT_HANGUP, T0));
    }

    @Test
    void dialUpFromALocalChannelDeviceHeldRetrievedAndHungUpByTheCustomer() {
        CallId call = dialUpPlaced("calldesk-o-4a3f3bb6-dd41-44c7-8223-f57f2a78a205", "01099998888");

        List<CallEvent> events = replay(WALK, "05:29:40", "05:29:53");

        assertThat(events).containsExactlyElementsOf(dialUpHeldRetrievedAndHungUpByTheCustomer(call));
    }

    private static List<CallEvent> dialUpHeldRetrievedAndHungUpByTheCustomer(CallId call) {
        return List.of(
                new CallRinging(call, AGENT1.value(), T0),
                new CallRinging(call, "01099998888", T0),
                new CallAnswered(call, AGENT1, T0),
                new CallHeld(call, T0),
                new CallRetrieved(call, T0),
                new CallEnded(call, EndCause.CUSTOMER_HANGUP, T0));
    }

    @Test
    void theDocumentedEventFilterPassesWhatTheMappingNeeds() {
        CallId call = dialUpPlaced("calldesk-o-4a3f3bb6-dd41-44c7-8223-f57f2a78a205", "01099998888");
        CallId inbound = new CallId("1796621465.45");

        List<CallEvent> events = replay(USER_VIEW, "05:29:00", "05:32:00");

        List<CallEvent> expected = new ArrayList<>(dialUpHeldRetrievedAndHungUpByTheCustomer(call));
        expected.addAll(List.of(
                new CallArrived(new CallId("1796621400.42"), "01031313131", "15880002", T0),
                new CallEnded(new CallId("1796621400.42"), EndCause.CUSTOMER_HANGUP, T0),
                new CallArrived(inbound, "01050505050", "15880001", T0),
                new CallRinging(inbound, AGENT1.value(), T0),
                new CallAnswered(inbound, AGENT1, T0),
                new CallHeld(inbound, T0),
                new CallRinging(inbound, AGENT3.value(), T0),
                new ConsultFailed(inbound, AGENT3, EndCause.NO_ANSWER, T0),
                new CallRetrieved(inbound, T0),
                new CallEnded(inbound, EndCause.AGENT_HANGUP, T0)));
        assertThat(events).containsExactlyElementsOf(expected);
    }

    @Test
    void aBusyCustomerEndsTheDialUpBusy() {
        CallId call = dialUpPlaced("calldesk-o-d2adc1cc-a28d-4df3-974d-3f7d5959bdac", "0100000017");

        List<CallEvent> events = replay(WALK, "05:28:40", "05:28:43");

        assertThat(events).startsWith(new CallRinging(call, AGENT1.value(), T0))
                .endsWith(new CallEnded(call, EndCause.BUSY, T0))
                .noneMatch(event -> event instanceof CallAnswered);
    }

    @Test
    void aPbxShutdownEndsTalkingAndWaitingCallsAsShutdownNotAsTheCustomerHangingUp() {
        CallId talking = new CallId("1796621178.25");
        CallId waiting = new CallId("1796621188.31");

        List<CallEvent> events = replay(WALK, "05:26:18", "05:26:41");

        assertThat(events).containsExactlyElementsOf(answered(talking, "01044445555", AGENT1,
                new CallArrived(waiting, "", "15880002", T0),
                new CallEnded(talking, EndCause.PBX_SHUTDOWN, T0),
                new CallEnded(waiting, EndCause.PBX_SHUTDOWN, T0)));
    }

    @Test
    void theShutdownEventEndsCallsWhoseHangupsThisSessionDidNotSee() {
        CallId talking = new CallId("1796621178.25");
        List<ManagerEvent> trace = AmiTrace.between(AmiTrace.read(WALK), "05:26:18", "05:26:41");
        // an event filter that lets neither SoftHangupRequest nor Hangup through
        trace.removeIf(event -> event.getClass().getSimpleName().contains("Hangup"));

        List<CallEvent> events = replay(trace);

        assertThat(events).filteredOn(CallEnded.class::isInstance).containsExactlyInAnyOrder(
                new CallEnded(talking, EndCause.PBX_SHUTDOWN, T0),
                new CallEnded(new CallId("1796621188.31"), EndCause.PBX_SHUTDOWN, T0));
    }

    @Test
    void theSimulatorReportsConnectHoldRetrieveAndDisconnectAsAsteriskDoes() {
        CallId simulated = new CallId("1796621416.0");
        CallId real = new CallId("1796621084.2");
        List<CallEvent> asterisk = replay(WALK, "05:24:42", "05:25:05");

        List<CallEvent> simulator = replay(SIMULATOR, "05:30:00", "05:30:28");

        assertThat(asterisk).containsExactlyElementsOf(answered(real, "01012345678", AGENT1,
                new CallHeld(real, T0), new CallRetrieved(real, T0)));
        assertThat(simulator).containsExactlyElementsOf(answered(simulated, "01012345678", new DeviceId("PJSIP/1001"),
                new CallHeld(simulated, T0), new CallRetrieved(simulated, T0),
                new CallEnded(simulated, EndCause.AGENT_HANGUP, T0)));
    }
}
