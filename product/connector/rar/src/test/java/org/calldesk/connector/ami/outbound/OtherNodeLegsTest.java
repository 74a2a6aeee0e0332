package org.calldesk.connector.ami.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.calldesk.connector.ami.mapping.AmiEvents.AGENT;
import static org.calldesk.connector.ami.mapping.AmiEvents.CALL;
import static org.calldesk.connector.ami.mapping.AmiEvents.CONSULT;
import static org.calldesk.connector.ami.mapping.AmiEvents.CUSTOMER;
import static org.calldesk.connector.ami.mapping.AmiEvents.CUSTOMER_UID;
import static org.calldesk.connector.ami.mapping.AmiEvents.PHONE_1001;
import static org.calldesk.connector.ami.mapping.AmiEvents.PHONE_1002;
import static org.calldesk.connector.ami.mapping.AmiEvents.RING;
import static org.calldesk.connector.ami.mapping.AmiEvents.bridgeEnter;
import static org.calldesk.connector.ami.mapping.AmiEvents.bridgeLeave;
import static org.calldesk.connector.ami.mapping.AmiEvents.dialBegin;
import static org.calldesk.connector.ami.mapping.AmiEvents.hangup;
import static org.calldesk.connector.ami.mapping.AmiEvents.musicOnHoldStart;
import static org.calldesk.connector.ami.mapping.AmiEvents.newChannel;
import static org.calldesk.connector.ami.mapping.AmiEvents.ringing;
import static org.calldesk.connector.ami.mapping.AmiEvents.up;
import static org.calldesk.connector.ami.mapping.AmiEvents.waiting;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.asteriskjava.manager.event.ManagerEvent;
import org.calldesk.connector.ami.ConfigOverrides;
import org.calldesk.connector.ami.DialplanContexts;
import org.calldesk.connector.ami.PbxResourceAdapter;
import org.calldesk.connector.ami.mapping.AmiEventMapper;
import org.calldesk.connector.ami.mapping.CallRegistry;
import org.calldesk.connector.api.CallEvent;
import org.calldesk.connector.api.CallId;
import org.junit.jupiter.api.Test;

/**
 * Two application nodes on one PBX: node A places the legs, node B only reads the PBX's events.
 * B adopts A's legs from their channel ids, so both read the same call events from the same AMI
 * events and B can control the call (and still can after A is gone).
 */
class OtherNodeLegsTest {


    /** One application node's adapter: its registry, mapper, call controls and the actions they sent. */
    private static final class Node {
        final FakeAmiSession session = new FakeAmiSession();
        final CallRegistry registry = new CallRegistry();
        final AmiEventMapper mapper = new AmiEventMapper(registry, DialplanContexts.DEFAULTS, Clock.systemUTC());
        final AmiCallControl control = new AmiCallControl(session.connection, registry,
                new PbxResourceAdapter().resolveSettings(ConfigOverrides.none()));
        final List<CallEvent> events = new ArrayList<>();
    }

    private final Node a = new Node();
    private final Node b = new Node();

    /** Both nodes read every AMI event. */
    private void pbxSays(ManagerEvent... events) {
        for (ManagerEvent event : events) {
            a.events.addAll(a.mapper.map(event));
            b.events.addAll(b.mapper.map(event));
        }
    }

    /** Events without their time: without Asterisk's Timestamp header, each node stamps what it read itself. */
    private static List<String> untimed(List<CallEvent> events) {
        return events.stream().map(event -> event.toString().replaceAll(", at=[^\\]]*\\]$", "]")).toList();
    }

    private String lastLegId(Node node) {
        return ((org.asteriskjava.manager.action.OriginateAction) node.session.sent.get(node.session.sent.size() - 1))
                .getChannelId();
    }

    @Test
    void anInboundCallConnectedAndTransferredThroughNodeAReadsTheSameOnNodeB() throws Exception {
        pbxSays(waiting(CUSTOMER_UID, CUSTOMER, "01012345678", "15880001"));
        a.control.connect(CALL, PHONE_1001, RING);
        String leg = lastLegId(a);
        pbxSays(newChannel(leg, leg, AGENT, "calldesk-connect", "s"), ringing(leg, AGENT), up(leg, AGENT),
                bridgeEnter(CUSTOMER_UID, CUSTOMER, "b1"), bridgeEnter(leg, AGENT, "b1"));

        assertThat(b.registry.require(CALL).agentChannel()).as("node B knows node A's agent leg").isEqualTo(AGENT);
        assertThat(b.registry.require(CALL).agentDevice()).isEqualTo(PHONE_1001);

        a.control.consult(CALL, PHONE_1002, RING);
        String consult = lastLegId(a);
        pbxSays(bridgeLeave(CUSTOMER_UID, CUSTOMER, "b1"), bridgeLeave(leg, AGENT, "b1"), musicOnHoldStart(CUSTOMER_UID, CUSTOMER),
                newChannel(consult, consult, CONSULT, "calldesk-connect", "s"), ringing(consult, CONSULT),
                bridgeEnter(consult, CONSULT, "b2"), bridgeEnter(leg, AGENT, "b2"),
                bridgeLeave(consult, CONSULT, "b2"), bridgeEnter(CUSTOMER_UID, CUSTOMER, "b3"), bridgeEnter(consult, CONSULT, "b3"),
                hangup(leg, AGENT, 16), hangup(CUSTOMER_UID, CUSTOMER, 16));

        assertThat(untimed(b.events)).as("node B read the call as node A did").isEqualTo(untimed(a.events));
        assertThat(a.events).extracting(event -> event.getClass().getSimpleName()).containsExactly("CallArrived",
                "CallRinging", "CallAnswered", "CallHeld", "CallRinging", "ConsultAnswered", "CallTransferred", "CallEnded");
    }

    @Test
    void nodeBHoldsACallNodeAConnectedAndGoesOnAfterNodeAIsGone() throws Exception {
        pbxSays(waiting(CUSTOMER_UID, CUSTOMER, "01012345678", "15880001"));
        a.control.connect(CALL, PHONE_1001, RING);
        String leg = lastLegId(a);
        pbxSays(newChannel(leg, leg, AGENT, "calldesk-connect", "s"), up(leg, AGENT),
                bridgeEnter(CUSTOMER_UID, CUSTOMER, "b1"), bridgeEnter(leg, AGENT, "b1"));

        b.control.hold(CALL);

        assertThat(b.session.transcript()).containsExactly("Redirect Channel=" + CUSTOMER + " Context=calldesk-hold"
                + " ExtraChannel=" + AGENT + " ExtraContext=calldesk-agent-wait");
        b.events.clear();
        b.events.addAll(b.mapper.map(hangup(CUSTOMER_UID, CUSTOMER, 16)));
        assertThat(untimed(b.events)).containsExactly("CallEnded[call=" + CUSTOMER_UID + ", cause=CUSTOMER_HANGUP]");
    }

    @Test
    void aDialUpNodeAPlacedIsACallOnNodeBToo() throws Exception {
        CallId call = a.control.originate(PHONE_1001, "0212345678", "15880001", Duration.ofSeconds(30));
        String agentLeg = call.value();
        String customerLeg = "1740819600.9";
        String customer = "PJSIP/trunk-00000009";
        pbxSays(newChannel(agentLeg, agentLeg, AGENT, "calldesk-outbound", "0212345678"), ringing(agentLeg, AGENT),
                up(agentLeg, AGENT), dialBegin(agentLeg, AGENT, customerLeg, customer),
                newChannel(customerLeg, agentLeg, customer, "calldesk-outbound", "0212345678"), ringing(customerLeg, customer),
                up(customerLeg, customer), bridgeEnter(agentLeg, AGENT, "b1"), bridgeEnter(customerLeg, customer, "b1"));

        assertThat(b.registry.require(call).customerChannel()).isEqualTo(customer);
        b.control.hangup(call);
        pbxSays(hangup(customerLeg, customer, 16), hangup(agentLeg, AGENT, 16));

        assertThat(a.events).extracting(event -> event.getClass().getSimpleName())
                .containsExactly("CallRinging", "CallRinging", "CallAnswered", "CallEnded");
        assertThat(untimed(b.events)).as("node B: all but the customer's ringing, whose number only node A knows")
                .containsExactly(untimed(a.events).get(0), untimed(a.events).get(2),
                        "CallEnded[call=" + call.value() + ", cause=AGENT_HANGUP]");
    }

    @Test
    void legChannelIdsNameTheCallAndThePartAndNothingElseIsTakenForOne() {
        String agent = CallRegistry.newLegChannelId(CALL, CallRegistry.Role.AGENT);
        String consult = CallRegistry.newLegChannelId(new CallId("calldesk-o-0f8fad5b-d9cb-469f-a165-70867728950e"),
                CallRegistry.Role.CONSULT);
        CallId dialUp = CallRegistry.newDialUpId();

        assertThat(agent.length()).as("within Asterisk's 149 characters").isLessThan(150);
        assertThat(CallRegistry.placedLeg(agent)).contains(new CallRegistry.PlacedLeg(CALL, CallRegistry.Role.AGENT));
        assertThat(CallRegistry.placedLeg(consult)).contains(new CallRegistry.PlacedLeg(
                new CallId("calldesk-o-0f8fad5b-d9cb-469f-a165-70867728950e"), CallRegistry.Role.CONSULT));
        assertThat(CallRegistry.placedLeg(dialUp.value())).contains(new CallRegistry.PlacedLeg(dialUp, CallRegistry.Role.AGENT));
        assertThat(CallRegistry.placedLeg(CUSTOMER_UID)).isEmpty();
        assertThat(CallRegistry.placedLeg("calldesk-x-0f8fad5b-d9cb-469f-a165-70867728950e-1")).isEmpty();
        assertThat(CallRegistry.placedLeg("calldesk-a-0f8fad5b")).isEmpty();
    }
}
