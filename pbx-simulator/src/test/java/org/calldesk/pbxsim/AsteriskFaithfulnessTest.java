package org.calldesk.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.event.BridgeCreateEvent;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.MusicOnHoldStartEvent;
import org.asteriskjava.manager.event.MusicOnHoldStopEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.ShutdownEvent;
import org.asteriskjava.manager.event.SoftHangupRequestEvent;
import org.calldesk.pbxsim.pbx.Behaviour;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Behaviour of Asterisk 22.10.1 as recorded in the AMI traces of a walk of the product manual
 * ({@code connector/rar/src/test/resources/asterisk-traces/}), which the simulator reproduces.
 */
class AsteriskFaithfulnessTest {

    private PbxSimulator pbx;
    private AsteriskJavaSession ami;

    @BeforeEach
    void start() throws Exception {
        pbx = PbxSimulator.builder().amiPort(0).httpPort(-1).credentials("calldesk", "s3cret")
                .phoneBehaviour(Behaviour.answerAfter(50)).customerBehaviour(Behaviour.answerAfter(50))
                .playbackMillis(100).eventFilter(List.of()).build().start();
        ami = new AsteriskJavaSession(pbx, "calldesk", "s3cret");
    }

    @AfterEach
    void stop() {
        ami.close();
        pbx.close();
    }

    private ChannelInfo waitingCustomer(String from) {
        ChannelInfo customer = pbx.inboundCall(from, "15880001");
        ami.await(MusicOnHoldStartEvent.class, e -> e.getChannel().equals(customer.name()));
        return customer;
    }

    private String connectAgent(ChannelInfo customer, String device) throws Exception {
        String id = "agent-" + System.nanoTime();
        OriginateAction originate = new OriginateAction();
        originate.setChannel(device);
        originate.setContext("calldesk-connect");
        originate.setExten("s");
        originate.setPriority(1);
        originate.setAsync(true);
        originate.setTimeout(5000L);
        originate.setChannelId(id);
        originate.setVariable("CALLDESK_PEER", customer.name());
        ami.send(originate);
        String agent = ami.await(OriginateResponseEvent.class, e -> id.equals(e.getUniqueId())).getChannel();
        ami.await(BridgeEnterEvent.class, e -> e.getChannel().equals(agent));
        return agent;
    }

    @Test
    void stoppingHangsUpEveryChannelThenSaysShutdownThenClosesTheManagerInterface() throws Exception {
        ChannelInfo talking = waitingCustomer("01011112222");
        String agent = connectAgent(talking, "PJSIP/1001");
        ChannelInfo waiting = waitingCustomer("01033334444");

        pbx.close();

        await().atMost(Duration.ofSeconds(10)).until(() -> !ami.events(DisconnectEvent.class).isEmpty());
        List<ManagerEvent> events = ami.events();
        List<String> channels = List.of(talking.name(), agent, waiting.name());
        assertThat(ami.events(SoftHangupRequestEvent.class)).extracting(e -> e.getChannel() + " " + e.getCause())
                .containsExactlyInAnyOrder(talking.name() + " 4", agent + " 4", waiting.name() + " 4");
        assertThat(ami.events(HangupEvent.class)).extracting(HangupEvent::getChannel)
                .containsExactlyInAnyOrderElementsOf(channels);
        int shutdown = indexOf(events, ShutdownEvent.class);
        assertThat(events.get(shutdown)).isInstanceOfSatisfying(ShutdownEvent.class,
                e -> assertThat(e.getShutdown()).isEqualTo("Cleanly"));
        assertThat(events.subList(shutdown, events.size())).noneMatch(HangupEvent.class::isInstance);
        assertThat(indexOf(events, DisconnectEvent.class)).isGreaterThan(shutdown);
    }

    @Test
    void theHangupActionAsksTheChannelToHangUpBeforeItDoes() throws Exception {
        ChannelInfo customer = waitingCustomer("01055556666");

        ami.send(new HangupAction(customer.name()));

        HangupEvent hangup = ami.await(HangupEvent.class, e -> e.getChannel().equals(customer.name()));
        SoftHangupRequestEvent request = ami.await(SoftHangupRequestEvent.class,
                e -> e.getChannel().equals(customer.name()));
        assertThat(request.getCause()).isEqualTo(16);
        List<ManagerEvent> events = ami.events();
        assertThat(events.indexOf(request)).isLessThan(events.indexOf(hangup));
    }

    @Test
    void coreStatusCountsTheProcessedCallsAsAsterisk22Does() throws Exception {
        waitingCustomer("01077778888");

        org.asteriskjava.manager.response.ManagerResponse status =
                ami.send(new org.asteriskjava.manager.action.CoreStatusAction());

        assertThat(status.getAttribute("CoreProcessedCalls")).isEqualTo("1");
    }

    @Test
    void redirectingOnePartyOutOfABridgeEndsTheOtherAtOnce() throws Exception {
        ChannelInfo customer = waitingCustomer("01012121212");
        String agent = connectAgent(customer, "PJSIP/1001");

        ami.send(new RedirectAction(customer.name(), "calldesk-hold", "s", 1));

        HangupEvent agentGone = ami.await(HangupEvent.class, e -> e.getChannel().equals(agent));
        assertThat(agentGone.getCause()).isEqualTo(16);
        ami.await(MusicOnHoldStartEvent.class, e -> e.getChannel().equals(customer.name())
                && "calldesk-hold".equals(e.getContext()));
        assertThat(channel(customer.name())).isPresent();
    }

    @Test
    void redirectingBothPartiesOutOfABridgeTogetherKeepsBoth() throws Exception {
        ChannelInfo customer = waitingCustomer("01013131313");
        String agent = connectAgent(customer, "PJSIP/1001");
        RedirectAction hold = new RedirectAction(customer.name(), "calldesk-hold", "s", 1);
        hold.setExtraChannel(agent);
        hold.setExtraContext("calldesk-agent-wait");
        hold.setExtraExten("s");
        hold.setExtraPriority(1);

        ami.send(hold);

        ami.await(MusicOnHoldStartEvent.class, e -> e.getChannel().equals(customer.name())
                && "calldesk-hold".equals(e.getContext()));
        await().atMost(Duration.ofSeconds(5)).until(() -> channel(agent)
                .map(channel -> "calldesk-agent-wait".equals(channel.context())).orElse(false));
        assertThat(ami.events(HangupEvent.class)).isEmpty();
    }

    @Test
    void connectCreatesTheBridgeThenStopsTheCallersMusicThenBridgesBothAsAsteriskDoes() throws Exception {
        ChannelInfo customer = waitingCustomer("01014141414");
        int before = ami.events().size();

        String agent = connectAgent(customer, "PJSIP/1001");

        List<String> order = ami.events().subList(before, ami.events().size()).stream()
                .filter(e -> e instanceof BridgeCreateEvent || e instanceof MusicOnHoldStopEvent
                        || e instanceof BridgeEnterEvent)
                .map(e -> e.getClass().getSimpleName() + (e instanceof BridgeEnterEvent enter
                        ? " " + (enter.getChannel().equals(agent) ? "agent" : "customer") : ""))
                .toList();
        assertThat(order).containsExactly("BridgeCreateEvent", "MusicOnHoldStopEvent", "BridgeEnterEvent customer",
                "BridgeEnterEvent agent");
    }

    private java.util.Optional<ChannelInfo> channel(String name) {
        return pbx.channels().stream().filter(channel -> channel.name().equals(name)).findFirst();
    }

    private static int indexOf(List<ManagerEvent> events, Class<?> type) {
        for (int i = 0; i < events.size(); i++) {
            if (type.isInstance(events.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + events);
    }
}
