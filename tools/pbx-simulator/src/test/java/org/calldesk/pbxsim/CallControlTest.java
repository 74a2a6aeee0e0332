package org.calldesk.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.asteriskjava.manager.action.AtxferAction;
import org.asteriskjava.manager.action.BridgeAction;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.CoreStatusAction;
import org.asteriskjava.manager.action.GetVarAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.action.SetVarAction;
import org.asteriskjava.manager.action.StatusAction;
import org.asteriskjava.manager.event.BridgeCreateEvent;
import org.asteriskjava.manager.event.BridgeDestroyEvent;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.DeviceStateChangeEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.HangupRequestEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.MusicOnHoldStartEvent;
import org.asteriskjava.manager.event.MusicOnHoldStopEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.event.ShutdownEvent;
import org.asteriskjava.manager.event.SoftHangupRequestEvent;
import org.asteriskjava.manager.event.StatusEvent;
import org.asteriskjava.manager.response.GetVarResponse;
import org.asteriskjava.manager.response.ManagerResponse;
import org.calldesk.connector.ami.CallDeskWaitingEvent;
import org.calldesk.pbxsim.pbx.Behaviour;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every call control of docs/asterisk.md, driven through asterisk-java over TCP as the
 * resource adapter drives it, with the events Asterisk raises for each.
 */
class CallControlTest {

    private PbxSimulator pbx;
    private AsteriskJavaSession ami;

    @BeforeEach
    void start() throws Exception {
        pbx = PbxSimulator.builder().amiPort(0).httpPort(-1).credentials("calldesk", "s3cret")
                .phoneBehaviour(Behaviour.answerAfter(50)).customerBehaviour(Behaviour.answerAfter(50))
                .playbackMillis(100)
                .eventFilter(java.util.List.of()) // every event Asterisk sends, as these tests check them all
                .build().start();
        ami = new AsteriskJavaSession(pbx, "calldesk", "s3cret");
    }

    @AfterEach
    void stop() {
        ami.close();
        pbx.close();
    }

    // ---------------------------------------------------------------- connect (Confirm)

    @Test
    void connectsAWaitingCallerToAnAgentPhone() throws Exception {
        ChannelInfo customer = waitingCustomer("01012345678", "15880001");

        ManagerResponse response = ami.send(connect("PJSIP/1001", customer.name(), "call-1-agent"));
        assertThat(response.getResponse()).isEqualTo("Success");
        assertThat(response.getMessage()).isEqualTo("Originate successfully queued");

        OriginateResponseEvent originated = ami.await(OriginateResponseEvent.class);
        assertThat(originated.getResponse()).isEqualTo("Success");
        assertThat(originated.getReason()).isEqualTo(4);
        assertThat(originated.getUniqueId()).isEqualTo("call-1-agent");
        String agent = originated.getChannel();
        assertThat(agent).matches("PJSIP/1001-[0-9a-f]{8}");

        NewChannelEvent agentChannel = ami.await(NewChannelEvent.class, e -> e.getChannel().equals(agent));
        assertThat(agentChannel.getUniqueId()).isEqualTo("call-1-agent");
        assertThat(agentChannel.getChannelStateDesc()).isEqualTo("Down");
        assertThat(ami.events(NewStateEvent.class, e -> e.getChannel().equals(agent)))
                .extracting(NewStateEvent::getChannelStateDesc).containsExactly("Ringing", "Up");

        BridgeEnterEvent agentEnters = ami.await(BridgeEnterEvent.class, e -> e.getChannel().equals(agent));
        BridgeEnterEvent customerEnters = ami.await(BridgeEnterEvent.class, e -> e.getChannel().equals(customer.name()));
        assertThat(agentEnters.getBridgeUniqueId()).isEqualTo(customerEnters.getBridgeUniqueId());
        assertThat(agentEnters.getBridgeType()).isEqualTo("basic");
        assertThat(agentEnters.getBridgeNumChannels()).isEqualTo(2);
        assertThat(agentEnters.getLinkedId()).isEqualTo(customer.uniqueid());
        MusicOnHoldStopEvent musicStops = ami.await(MusicOnHoldStopEvent.class, e -> e.getChannel().equals(customer.name()));
        BridgeCreateEvent created = ami.await(BridgeCreateEvent.class);
        // Asterisk 22.10.1's order (asterisk-traces): OriginateResponse, BridgeCreate, MusicOnHoldStop, BridgeEnter x2
        assertThat(ami.indexOf(originated)).isLessThan(ami.indexOf(created));
        assertThat(ami.indexOf(created)).isLessThan(ami.indexOf(musicStops));
        assertThat(ami.indexOf(musicStops)).isLessThan(ami.indexOf(customerEnters));
        assertThat(ami.indexOf(customerEnters)).isLessThan(ami.indexOf(agentEnters));

        assertThat(ami.events(DeviceStateChangeEvent.class, e -> e.getDevice().equals("PJSIP/1001")))
                .extracting(DeviceStateChangeEvent::getState).containsExactly("RINGING", "INUSE");
        assertThat(pbx.calls()).singleElement().satisfies(call -> {
            assertThat(call.id()).isEqualTo(customer.uniqueid());
            assertThat(call.channels()).extracting(ChannelInfo::name).containsExactly(customer.name(), agent);
        });
    }

    @Test
    void reportsABusyAgentPhoneAsReasonFiveAndCauseSeventeen() throws Exception {
        pbx.setPhoneBehaviour("PJSIP/1002", Behaviour.busy());
        ChannelInfo customer = waitingCustomer("01012345678", "15880001");

        ami.send(connect("PJSIP/1002", customer.name(), "busy-agent"));

        OriginateResponseEvent failed = ami.await(OriginateResponseEvent.class);
        assertThat(failed.getResponse()).isEqualTo("Failure");
        assertThat(failed.getReason()).isEqualTo(5);
        assertThat(failed.getChannel()).isEqualTo("PJSIP/1002");
        assertThat(failed.getUniqueId()).isEqualTo("busy-agent");
        HangupEvent hangup = ami.await(HangupEvent.class, e -> e.getChannel().startsWith("PJSIP/1002-"));
        assertThat(hangup.getCause()).isEqualTo(17);
        assertThat(hangup.getCauseTxt()).isEqualTo("User busy");
        assertThat(pbx.calls()).singleElement().satisfies(call -> assertThat(call.channels()).hasSize(1));
    }

    @Test
    void reportsAnUnansweredAgentPhoneAsReasonThreeWhenTheTimeoutExpires() throws Exception {
        pbx.setPhoneBehaviour("PJSIP/1003", Behaviour.neverAnswer());
        ChannelInfo customer = waitingCustomer("01012345678", "15880001");
        OriginateAction originate = connect("PJSIP/1003", customer.name(), "ring-out");
        originate.setTimeout(300L);

        ami.send(originate);

        OriginateResponseEvent failed = ami.await(OriginateResponseEvent.class);
        assertThat(failed.getResponse()).isEqualTo("Failure");
        assertThat(failed.getReason()).isEqualTo(3);
        // Asterisk 22.10.1 (asterisk-traces, walk): OriginateResponse first, then Hangup with cause 19
        assertThat(ami.await(HangupEvent.class, e -> e.getChannel().startsWith("PJSIP/1003-")).getCause())
                .isEqualTo(19);
        assertThat(ami.events(DeviceStateChangeEvent.class, e -> e.getDevice().equals("PJSIP/1003")))
                .extracting(DeviceStateChangeEvent::getState).containsExactly("RINGING", "NOT_INUSE");
    }

    @Test
    void failsToReachAnUnregisteredPhoneWithReasonEightAndNoChannel() throws Exception {
        pbx.setPhoneRegistered("PJSIP/1004", false);
        ami.await(DeviceStateChangeEvent.class, e -> e.getDevice().equals("PJSIP/1004") && e.getState().equals("UNAVAILABLE"));
        ChannelInfo customer = waitingCustomer("01012345678", "15880001");

        ami.send(connect("PJSIP/1004", customer.name(), "unregistered"));

        OriginateResponseEvent failed = ami.await(OriginateResponseEvent.class);
        assertThat(failed.getResponse()).isEqualTo("Failure");
        assertThat(failed.getReason()).isEqualTo(8);
        assertThat(failed.getChannel()).isEqualTo("PJSIP/1004");
        assertThat(ami.events(NewChannelEvent.class, e -> e.getChannel().startsWith("PJSIP/1004"))).isEmpty();
    }

    @Test
    void failsToReachAnUnknownEndpointWithReasonZero() throws Exception {
        ChannelInfo customer = waitingCustomer("01012345678", "15880001");
        ami.send(connect("PJSIP/7777", customer.name(), "nobody"));
        OriginateResponseEvent failed = ami.await(OriginateResponseEvent.class);
        assertThat(failed.getResponse()).isEqualTo("Failure");
        assertThat(failed.getReason()).isZero();
        assertThat(failed.getUniqueId()).isEqualTo("nobody");
    }

    @Test
    void answersASynchronousOriginateThatFailsWithOriginateFailed() throws Exception {
        pbx.setPhoneBehaviour("PJSIP/1005", Behaviour.busy());
        ChannelInfo customer = waitingCustomer("01012345678", "15880001");
        OriginateAction originate = connect("PJSIP/1005", customer.name(), null);
        originate.setAsync(false);

        ManagerResponse response = ami.send(originate);

        assertThat(response.getResponse()).isEqualTo("Error");
        assertThat(response.getMessage()).isEqualTo("Originate failed");
    }

    @Test
    void refusesAnOriginateAsteriskWouldRefuse() throws Exception {
        OriginateAction noChannel = new OriginateAction();
        noChannel.setContext("calldesk-connect");
        noChannel.setExten("s");
        noChannel.setPriority(1);
        assertThat(ami.send(noChannel).getMessage()).isEqualTo("Channel not specified");

        OriginateAction badChannel = connect("1001", "x", null);
        assertThat(ami.send(badChannel).getMessage()).isEqualTo("Invalid channel");

        OriginateAction badExten = connect("PJSIP/1001", "x", null);
        badExten.setContext("no-such-context");
        ManagerResponse response = ami.send(badExten);
        assertThat(response.getResponse()).isEqualTo("Error");
        assertThat(response.getMessage()).isEqualTo("Extension does not exist.");
    }

    // ---------------------------------------------------------------- hold, retrieve

    @Test
    void holdsTheCustomerWithMusicAndRetrievesThem() throws Exception {
        ChannelInfo customer = waitingCustomer("01012345678", "15880001");
        String agent = connectAgent(customer, "PJSIP/1001");

        ManagerResponse held = ami.send(hold(customer.name(), agent));
        assertThat(held.getResponse()).isEqualTo("Success");
        assertThat(held.getMessage()).isEqualTo("Dual Redirect successful");
        ami.await(MusicOnHoldStartEvent.class, e -> e.getChannel().equals(customer.name())
                && "calldesk-hold".equals(e.getContext()));
        assertThat(ami.events(HangupEvent.class)).as("both parties of a dual redirect stay up").isEmpty();

        ami.await(BridgeLeaveEvent.class, 2, e -> true);
        ami.await(BridgeDestroyEvent.class);
        MusicOnHoldStartEvent music = ami.await(MusicOnHoldStartEvent.class,
                e -> e.getChannel().equals(customer.name()) && "calldesk-hold".equals(e.getContext()));
        assertThat(music.getClassName()).isEqualTo("default");
        assertThat(pbx.channels()).filteredOn(c -> c.name().equals(agent))
                .singleElement().satisfies(c -> {
                    assertThat(c.context()).isEqualTo("calldesk-agent-wait");
                    assertThat(c.application()).isEqualTo("Wait");
                });

        assertThat(ami.send(new SetVarAction(agent, "CALLDESK_PEER", customer.name())).getMessage()).isEqualTo("Variable Set");
        assertThat(ami.send(new RedirectAction(agent, "calldesk-connect", "s", 1)).getMessage()).isEqualTo("Redirect successful");

        ami.await(MusicOnHoldStopEvent.class, 2, e -> e.getChannel().equals(customer.name()));
        ami.await(BridgeEnterEvent.class, 4, e -> true);
        assertThat(pbx.channels()).extracting(ChannelInfo::bridgeId).doesNotContain("").hasSize(2)
                .satisfies(ids -> assertThat(ids.get(0)).isEqualTo(ids.get(1)));
    }

    @Test
    void holdLeavesTheBridgeAtTheNewPlacesAndStartsTheMusicBeforeTheBridgeIsDestroyedAsAsteriskDoes() throws Exception {
        ChannelInfo customer = waitingCustomer("01015151515", "15880001");
        String agent = connectAgent(customer, "PJSIP/1001");
        int before = ami.events().size();

        ami.send(hold(customer.name(), agent));
        ami.await(BridgeDestroyEvent.class);

        // Asterisk 22.10.1 (asterisk-traces, 05:25:01.404): the extra channel leaves first, each
        // BridgeLeave already names the channel's new place, the held party's music starts, then
        // the emptied bridge is destroyed
        List<String> order = ami.events().subList(before, ami.events().size()).stream()
                .filter(e -> e instanceof BridgeLeaveEvent || e instanceof MusicOnHoldStartEvent
                        || e instanceof BridgeDestroyEvent)
                .map(e -> e instanceof BridgeLeaveEvent leave
                        ? "BridgeLeave " + (leave.getChannel().equals(agent) ? "agent" : "customer") + " " + leave.getContext()
                        : e instanceof MusicOnHoldStartEvent start ? "MusicOnHoldStart " + start.getContext()
                        : "BridgeDestroy")
                .toList();
        assertThat(order).containsExactly("BridgeLeave agent calldesk-agent-wait", "BridgeLeave customer calldesk-hold",
                "MusicOnHoldStart calldesk-hold", "BridgeDestroy");
    }

    @Test
    void transferConnectBridgesTheTargetWithTheCustomerBeforeTheFirstAgentLeavesAsAsteriskDoes() throws Exception {
        ChannelInfo customer = waitingCustomer("01016161616", "15880001");
        String first = connectAgent(customer, "PJSIP/1001");
        ami.send(hold(customer.name(), first));
        ami.await(BridgeDestroyEvent.class);
        ami.send(connect("PJSIP/1002", first, "transfer-order"));
        String second = ami.await(OriginateResponseEvent.class, e -> "transfer-order".equals(e.getUniqueId())).getChannel();
        ami.await(BridgeEnterEvent.class, e -> e.getChannel().equals(second));
        int before = ami.events().size();

        ami.send(new SetVarAction(second, "CALLDESK_PEER", customer.name()));
        ami.send(new RedirectAction(second, "calldesk-connect", "s", 1));
        ami.await(BridgeDestroyEvent.class, 2, e -> true);
        ami.send(hangup(first, 16)); // the adapter's transfer connect hangs the first agent up
        ami.await(HangupEvent.class, e -> e.getChannel().equals(first));

        Map<String, String> who = Map.of(first, "first", second, "second", customer.name(), "customer");
        List<String> order = ami.events().subList(before, ami.events().size()).stream()
                .filter(e -> e instanceof BridgeLeaveEvent || e instanceof BridgeEnterEvent || e instanceof BridgeCreateEvent
                        || e instanceof BridgeDestroyEvent || e instanceof MusicOnHoldStopEvent || e instanceof HangupEvent)
                .map(e -> e.getClass().getSimpleName().replace("Event", "")
                        + (e instanceof org.asteriskjava.manager.event.AbstractChannelEvent channel
                        ? " " + who.getOrDefault(channel.getChannel(), "?")
                        : e instanceof MusicOnHoldStopEvent music ? " " + who.getOrDefault(music.getChannel(), "?")
                        : e instanceof BridgeLeaveEvent leave ? " " + who.getOrDefault(leave.getChannel(), "?")
                        : e instanceof BridgeEnterEvent enter ? " " + who.getOrDefault(enter.getChannel(), "?") : ""))
                .toList();
        // Asterisk 22.10.1 (asterisk-traces, 05:25:13.921): the target leaves the consultation
        // bridge and takes the customer into a new one before the first agent, left alone, leaves;
        // Asterisk's threads put the target's own BridgeEnter last
        assertThat(order).containsSubsequence("BridgeLeave second", "BridgeCreate", "MusicOnHoldStop customer",
                "BridgeEnter customer", "BridgeLeave first", "BridgeDestroy", "Hangup first");
    }

    // ---------------------------------------------------------------- Bridge, BlindTransfer, Atxfer

    @Test
    void theBridgeActionRefusesBadInputWithAsterisksTextsAndChangesNothing() throws Exception {
        ChannelInfo customer = waitingCustomer("01017171717", "15880001");

        assertThat(ami.send(new BridgeAction(customer.name(), "")).getMessage())
                .isEqualTo("Missing channel parameter in request");
        assertThat(ami.send(new BridgeAction("PJSIP/nobody-00000000", customer.name())).getMessage())
                .isEqualTo("Channel1 does not exist: PJSIP/nobody-00000000");
        ManagerResponse refused = ami.send(new BridgeAction(customer.name(), "PJSIP/nobody-00000000"));
        assertThat(refused.getResponse()).isEqualTo("Error");
        assertThat(refused.getMessage()).isEqualTo("Channel2 does not exist: PJSIP/nobody-00000000");

        assertThat(ami.events(BridgeCreateEvent.class)).isEmpty();
        assertThat(channel(customer.name())).hasValueSatisfying(c -> assertThat(c.application()).isEqualTo("MusicOnHold"));
    }

    @Test
    void theBridgeActionBridgesTwoChannelsWhoGoOnAfterwardsWhereTheyWere() throws Exception {
        ChannelInfo first = waitingCustomer("01018181818", "15880001");
        ChannelInfo second = waitingCustomer("01019191919", "15880002");

        ManagerResponse bridged = ami.send(new BridgeAction(first.name(), second.name()));

        assertThat(bridged.getResponse()).isEqualTo("Success");
        assertThat(bridged.getMessage()).isEqualTo("Channels have been bridged");
        ami.await(MusicOnHoldStopEvent.class, e -> e.getChannel().equals(second.name()));
        ami.await(BridgeEnterEvent.class, 2, e -> true);
        assertThat(pbx.channels()).extracting(ChannelInfo::bridgeId).doesNotContain("")
                .satisfies(ids -> assertThat(ids.get(0)).isEqualTo(ids.get(1)));

        pbx.hangupChannel(first.name(), 16);

        // the other leaves the dissolved bridge and goes on after MusicOnHold(): Hangup()
        HangupEvent gone = ami.await(HangupEvent.class, e -> e.getChannel().equals(second.name()));
        assertThat(gone.getContext()).isEqualTo("calldesk-inbound");
        await().atMost(Duration.ofSeconds(10)).until(() -> pbx.channels().isEmpty());
    }

    @Test
    void blindTransferRefusesBadInputWithAsterisksTexts() throws Exception {
        ChannelInfo waiting = waitingCustomer("01020202020", "15880001");

        assertThat(ami.send(new BlindTransferAction("", "15880002", "calldesk-inbound")).getMessage())
                .isEqualTo("No channel specified");
        assertThat(ami.send(new BlindTransferAction(waiting.name(), "", "calldesk-inbound")).getMessage())
                .isEqualTo("No extension specified");
        assertThat(ami.send(new BlindTransferAction("PJSIP/nobody-00000000", "15880002", "calldesk-inbound")).getMessage())
                .isEqualTo("Channel specified does not exist");
        ManagerResponse notBridged = ami.send(new BlindTransferAction(waiting.name(), "15880002", "calldesk-inbound"));
        assertThat(notBridged.getResponse()).isEqualTo("Error");
        assertThat(notBridged.getMessage()).isEqualTo("Transfer invalid");
        assertThat(channel(waiting.name())).hasValueSatisfying(c -> assertThat(c.exten()).isEqualTo("15880001"));
    }

    @Test
    void blindTransferSendsTheBridgedPeerToTheExtensionAndTheTransfererOnAfterTheBridge() throws Exception {
        ChannelInfo customer = waitingCustomer("01021212121", "15880001");
        String agent = connectAgent(customer, "PJSIP/1001");

        ManagerResponse transferred = ami.send(new BlindTransferAction(agent, "15880002", "calldesk-inbound"));

        assertThat(transferred.getResponse()).isEqualTo("Success");
        assertThat(transferred.getMessage()).isEqualTo("Transfer succeeded");
        CallDeskWaitingEvent waitingAgain = ami.await(CallDeskWaitingEvent.class,
                e -> e.getChannel().equals(customer.name()) && "15880002".equals(e.getService()));
        assertThat(waitingAgain.getContext()).isEqualTo("calldesk-inbound");
        ami.await(HangupEvent.class, e -> e.getChannel().equals(agent));
        assertThat(ami.events().stream().filter(e -> e.getClass().getSimpleName().equals("BlindTransferEvent")))
                .as("the BlindTransfer event").hasSize(1);
    }

    @Test
    void atxferRefusesBadInputAndHasNoFeatureCodeAsAStockAsterisk() throws Exception {
        ChannelInfo customer = waitingCustomer("01022222222", "15880001");

        assertThat(ami.send(new AtxferAction("", "calldesk-inbound", "15880002", 1)).getMessage())
                .isEqualTo("No channel specified");
        assertThat(ami.send(new AtxferAction(customer.name(), "calldesk-inbound", "", 1)).getMessage())
                .isEqualTo("No extension specified");
        assertThat(ami.send(new AtxferAction("PJSIP/nobody-00000000", "calldesk-inbound", "15880002", 1)).getMessage())
                .isEqualTo("Channel specified does not exist");
        ManagerResponse noFeature = ami.send(new AtxferAction(customer.name(), "calldesk-inbound", "15880002", 1));
        assertThat(noFeature.getResponse()).isEqualTo("Error");
        assertThat(noFeature.getMessage()).isEqualTo("No attended transfer feature code found");
    }

    // ---------------------------------------------------------------- dial up

    @Test
    void dialsACustomerForAnAgentWithTheSendingNumber() throws Exception {
        ami.send(dialUp("PJSIP/1001", "01099998888", "15880002", "outbound-1"));

        OriginateResponseEvent originated = ami.await(OriginateResponseEvent.class);
        assertThat(originated.getReason()).isEqualTo(4);
        String agent = originated.getChannel();
        DialBeginEvent begin = ami.await(DialBeginEvent.class, e -> agent.equals(e.getChannel()));
        assertThat(begin.getDialString()).isEqualTo("01099998888@trunk");
        assertThat(begin.getCallerIdNum()).isEqualTo("15880002");
        assertThat(begin.getDestChannel()).startsWith("PJSIP/trunk-");
        assertThat(begin.getDestCallerIdNum()).isEqualTo("01099998888");
        assertThat(begin.getDestLinkedId()).isEqualTo("outbound-1");
        DialEndEvent end = ami.await(DialEndEvent.class, e -> agent.equals(e.getChannel()));
        assertThat(end.getDialStatus()).isEqualTo("ANSWER");
        ami.await(BridgeEnterEvent.class, 2, e -> true);
        assertThat(pbx.calls()).singleElement().satisfies(call -> {
            assertThat(call.id()).isEqualTo("outbound-1");
            assertThat(call.channels()).extracting(ChannelInfo::state).containsExactly("Up", "Up");
        });
    }

    @Test
    void reportsABusyCustomerAsDialEndBusyAndHangsUpTheAgentWithCauseSeventeen() throws Exception {
        pbx.setCustomerBehaviour("01011112222", Behaviour.busy());
        ami.send(dialUp("PJSIP/1001", "01011112222", "15880002", "outbound-busy"));

        DialEndEvent end = ami.await(DialEndEvent.class, e -> e.getChannel() != null);
        assertThat(end.getDialStatus()).isEqualTo("BUSY");
        HangupEvent agent = ami.await(HangupEvent.class, e -> e.getChannel().startsWith("PJSIP/1001-"));
        assertThat(agent.getCause()).isEqualTo(17);
        HangupEvent customer = ami.await(HangupEvent.class, e -> e.getChannel().startsWith("PJSIP/trunk-"));
        assertThat(customer.getCause()).isEqualTo(17);
    }

    @Test
    void reportsAnUnansweredCustomerAsDialEndNoAnswer() throws Exception {
        pbx.setCustomerBehaviour("01033334444", Behaviour.neverAnswer());
        OriginateAction dial = dialUp("PJSIP/1001", "01033334444", "15880002", "outbound-noanswer");
        dial.setVariable("CALLDESK_TIMEOUT", "1");
        ami.send(dial);

        DialEndEvent end = ami.await(DialEndEvent.class, e -> e.getChannel() != null);
        assertThat(end.getDialStatus()).isEqualTo("NOANSWER");
        HangupEvent agent = ami.await(HangupEvent.class, e -> e.getChannel().startsWith("PJSIP/1001-"));
        assertThat(agent.getCause()).isEqualTo(16);
    }

    // ---------------------------------------------------------------- transfer

    @Test
    void transfersTheCustomerToAnotherAgentAfterTheyTalk() throws Exception {
        ChannelInfo customer = waitingCustomer("01012345678", "15880001");
        String first = connectAgent(customer, "PJSIP/1001");
        ami.send(hold(customer.name(), first));
        ami.await(BridgeDestroyEvent.class);

        ami.send(connect("PJSIP/1002", first, "transfer-target"));
        OriginateResponseEvent target = ami.await(OriginateResponseEvent.class, e -> "transfer-target".equals(e.getUniqueId()));
        String second = target.getChannel();
        BridgeEnterEvent consult = ami.await(BridgeEnterEvent.class, e -> e.getChannel().equals(first) && e.getBridgeNumChannels() == 1);
        ami.await(BridgeEnterEvent.class, e -> e.getChannel().equals(second)
                && e.getBridgeUniqueId().equals(consult.getBridgeUniqueId()));

        ami.send(new SetVarAction(second, "CALLDESK_PEER", customer.name()));
        ami.send(new RedirectAction(second, "calldesk-connect", "s", 1));
        ami.send(hangup(first, 16));

        HangupEvent firstGone = ami.await(HangupEvent.class, e -> e.getChannel().equals(first));
        assertThat(firstGone.getCause()).isEqualTo(16);
        await().atMost(Duration.ofSeconds(20)).until(() -> pbx.channels().size() == 2
                && pbx.channels().stream().noneMatch(c -> c.bridgeId().isEmpty()));
        assertThat(pbx.channels()).extracting(ChannelInfo::name).containsExactlyInAnyOrder(customer.name(), second);
    }

    // ---------------------------------------------------------------- disconnect, hang up

    @Test
    void playsTheAnnouncementToTheCustomerThenHangsUpOnDisconnect() throws Exception {
        ChannelInfo customer = waitingCustomer("01012345678", "15880001");
        String agent = connectAgent(customer, "PJSIP/1001");

        ami.send(new SetVarAction(customer.name(), "CALLDESK_ANNOUNCEMENT", "calldesk/abuse-warning"));
        ami.send(new RedirectAction(customer.name(), "calldesk-announce", "s", 1));
        ami.send(hangup(agent, 16));

        HangupEvent customerGone = ami.await(HangupEvent.class, e -> e.getChannel().equals(customer.name()));
        assertThat(customerGone.getCause()).isEqualTo(16);
        assertThat(customerGone.getContext()).isEqualTo("calldesk-announce");
        assertThat(customerGone.getPriority()).isEqualTo(2);
        assertThat(ami.await(HangupEvent.class, e -> e.getChannel().equals(agent)).getCause()).isEqualTo(16);
        assertThat(pbx.calls()).isEmpty();
    }

    @Test
    void hangsUpTheBridgedAgentWhenTheCustomerIsHungUp() throws Exception {
        ChannelInfo customer = waitingCustomer("01012345678", "15880001");
        String agent = connectAgent(customer, "PJSIP/1001");

        ManagerResponse response = ami.send(hangup(customer.name(), 16));
        assertThat(response.getMessage()).isEqualTo("Channel Hungup");

        HangupEvent customerGone = ami.await(HangupEvent.class, e -> e.getChannel().equals(customer.name()));
        HangupEvent agentGone = ami.await(HangupEvent.class, e -> e.getChannel().equals(agent));
        assertThat(customerGone.getCause()).isEqualTo(16);
        assertThat(agentGone.getCause()).isEqualTo(16);
        assertThat(ami.indexOf(customerGone)).isLessThan(ami.indexOf(agentGone));
        ami.await(BridgeDestroyEvent.class);
        assertThat(ami.events(DeviceStateChangeEvent.class, e -> e.getDevice().equals("PJSIP/1001")))
                .extracting(DeviceStateChangeEvent::getState).endsWith("NOT_INUSE");
    }

    @Test
    void reportsTheCustomerHangingUpDuringTheCallWithHangupRequest() throws Exception {
        ChannelInfo customer = pbx.inboundCall("01055556666", "15880001");
        ami.await(MusicOnHoldStartEvent.class, e -> e.getChannel().equals(customer.name()));
        String agent = connectAgent(customer, "PJSIP/1001"); // returns once the agent's leg is bridged

        assertThat(pbx.hangupChannel(customer.name(), 16)).isTrue(); // the customer puts the phone down

        HangupRequestEvent request = ami.await(HangupRequestEvent.class, e -> e.getChannel().equals(customer.name()));
        assertThat(request.getCause()).isEqualTo(16);
        assertThat(ami.await(HangupEvent.class, e -> e.getChannel().equals(agent)).getCause()).isEqualTo(16);
    }

    @Test
    void endsTheCustomersCallWhenTheAgentPutsThePhoneDown() throws Exception {
        pbx.setPhoneBehaviour("PJSIP/1007", Behaviour.answerAfter(20).hangingUpAfter(200));
        ChannelInfo customer = waitingCustomer("01012345678", "15880001");
        String agent = connectAgent(customer, "PJSIP/1007");

        HangupEvent agentGone = ami.await(HangupEvent.class, e -> e.getChannel().equals(agent));
        HangupEvent customerGone = ami.await(HangupEvent.class, e -> e.getChannel().equals(customer.name()));
        assertThat(ami.await(HangupRequestEvent.class, e -> e.getChannel().equals(agent)).getCause()).isEqualTo(16);
        assertThat(ami.indexOf(agentGone)).isLessThan(ami.indexOf(customerGone));
        assertThat(customerGone.getCause()).isEqualTo(16);
        assertThat(customerGone.getContext()).isEqualTo("calldesk-inbound");
        assertThat(customerGone.getPriority()).isEqualTo(5);
    }

    // ---------------------------------------------------------------- queries and refusals

    @Test
    void readsADeviceStateWithoutAChannel() throws Exception {
        assertThat(deviceState("PJSIP/1001")).isEqualTo("NOT_INUSE");
        assertThat(deviceState("PJSIP/7777")).isEqualTo("INVALID");
        pbx.setPhoneRegistered("PJSIP/1006", false);
        assertThat(deviceState("PJSIP/1006")).isEqualTo("UNAVAILABLE");

        ChannelInfo customer = waitingCustomer("01012345678", "15880001");
        connectAgent(customer, "PJSIP/1001");
        assertThat(deviceState("PJSIP/1001")).isEqualTo("INUSE");
    }

    @Test
    void refusesActionsOnChannelsThatDoNotExist() throws Exception {
        assertThat(ami.send(hangup("PJSIP/trunk-0000ffff", 16)).getMessage()).isEqualTo("No such channel");
        assertThat(ami.send(new HangupAction("")).getMessage()).isEqualTo("No channel specified");
        assertThat(ami.send(new RedirectAction("PJSIP/trunk-0000ffff", "calldesk-hold", "s", 1)).getMessage())
                .isEqualTo("Channel does not exist: PJSIP/trunk-0000ffff");
        assertThat(ami.send(new SetVarAction("PJSIP/trunk-0000ffff", "X", "1")).getMessage()).isEqualTo("No such channel");
        GetVarAction getvar = new GetVarAction("PJSIP/trunk-0000ffff", "X");
        assertThat(ami.send(getvar).getResponse()).isEqualTo("Error");
    }

    @Test
    void listsTheChannelsForResynchronisation() throws Exception {
        ChannelInfo customer = waitingCustomer("01012345678", "15880001");
        String agent = connectAgent(customer, "PJSIP/1001");

        List<ResponseEvent> listed = List.copyOf(ami.connection().sendEventGeneratingAction(new CoreShowChannelsAction(), 5000).getEvents());
        List<CoreShowChannelEvent> channels = listed.stream().filter(CoreShowChannelEvent.class::isInstance)
                .map(CoreShowChannelEvent.class::cast).toList();
        assertThat(channels).extracting(CoreShowChannelEvent::getChannel).containsExactly(customer.name(), agent);
        assertThat(channels.get(0).getBridgeid()).isNotEmpty().isEqualTo(channels.get(1).getBridgeid());
        assertThat(channels.get(1).getApplication()).isEqualTo("Bridge");

        List<ResponseEvent> status = List.copyOf(ami.connection().sendEventGeneratingAction(new StatusAction(), 5000).getEvents());
        assertThat(status).filteredOn(StatusEvent.class::isInstance).extracting(e -> ((StatusEvent) e).getChannel())
                .containsExactly(customer.name(), agent);
    }

    // ---------------------------------------------------------------- as Asterisk 22.10.1 did
    // (product/connector/rar/src/test/resources/asterisk-traces/: what a real Asterisk sent for the same steps)

    @Test
    void stoppingHangsUpEveryChannelThenSaysShutdownThenClosesTheManagerInterface() throws Exception {
        ChannelInfo talking = waitingCustomer("01011112222", "15880001");
        String agent = connectAgent(talking, "PJSIP/1001");
        ChannelInfo waiting = waitingCustomer("01033334444", "15880001");

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
        ChannelInfo customer = waitingCustomer("01055556666", "15880001");

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
        waitingCustomer("01077778888", "15880001");

        org.asteriskjava.manager.response.ManagerResponse status =
                ami.send(new CoreStatusAction());

        assertThat(status.getAttribute("CoreProcessedCalls")).isEqualTo("1");
    }

    @Test
    void redirectingOnePartyOutOfABridgeEndsTheOtherAtOnce() throws Exception {
        ChannelInfo customer = waitingCustomer("01012121212", "15880001");
        String agent = connectAgent(customer, "PJSIP/1001");

        ami.send(new RedirectAction(customer.name(), "calldesk-hold", "s", 1));

        HangupEvent agentGone = ami.await(HangupEvent.class, e -> e.getChannel().equals(agent));
        assertThat(agentGone.getCause()).isEqualTo(16);
        ami.await(MusicOnHoldStartEvent.class, e -> e.getChannel().equals(customer.name())
                && "calldesk-hold".equals(e.getContext()));
        assertThat(channel(customer.name())).isPresent();
    }

    @Test
    void connectCreatesTheBridgeThenStopsTheCallersMusicThenBridgesBothAsAsteriskDoes() throws Exception {
        ChannelInfo customer = waitingCustomer("01014141414", "15880001");
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

    // ---------------------------------------------------------------- helpers

    private ChannelInfo waitingCustomer(String from, String to) {
        ChannelInfo customer = pbx.inboundCall(from, to);
        ami.await(MusicOnHoldStartEvent.class, e -> e.getChannel().equals(customer.name()));
        return customer;
    }

    /** Confirm: the agent's phone is originated into calldesk-connect and bridged with the customer. */
    private String connectAgent(ChannelInfo customer, String device) throws Exception {
        String id = "agent-" + System.nanoTime();
        ami.send(connect(device, customer.name(), id));
        OriginateResponseEvent originated = ami.await(OriginateResponseEvent.class, e -> id.equals(e.getUniqueId()));
        String agent = originated.getChannel();
        ami.await(BridgeEnterEvent.class, e -> e.getChannel().equals(agent));
        return agent;
    }

    private static OriginateAction connect(String device, String peer, String channelId) {
        OriginateAction originate = new OriginateAction();
        originate.setChannel(device);
        originate.setContext("calldesk-connect");
        originate.setExten("s");
        originate.setPriority(1);
        originate.setAsync(true);
        originate.setTimeout(5000L);
        if (channelId != null) {
            originate.setChannelId(channelId);
        }
        originate.setVariable("CALLDESK_PEER", peer);
        return originate;
    }

    private static OriginateAction dialUp(String device, String customer, String sendingNumber, String channelId) {
        OriginateAction originate = new OriginateAction();
        originate.setChannel(device);
        originate.setContext("calldesk-outbound");
        originate.setExten(customer);
        originate.setPriority(1);
        originate.setAsync(true);
        originate.setTimeout(5000L);
        originate.setCallerId(sendingNumber);
        originate.setChannelId(channelId);
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("CALLDESK_SENDNO", sendingNumber);
        variables.put("CALLDESK_TIMEOUT", "30");
        originate.setVariables(variables);
        return originate;
    }

    /** Hold: the customer to the music, the agent to the silent wait, in one dual Redirect. */
    private static RedirectAction hold(String customer, String agent) {
        RedirectAction hold = new RedirectAction(customer, "calldesk-hold", "s", 1);
        hold.setExtraChannel(agent);
        hold.setExtraContext("calldesk-agent-wait");
        hold.setExtraExten("s");
        hold.setExtraPriority(1);
        return hold;
    }

    private static HangupAction hangup(String channel, int cause) {
        HangupAction hangup = new HangupAction(channel);
        hangup.setCause(cause);
        return hangup;
    }

    private String deviceState(String device) throws Exception {
        ManagerResponse response = ami.send(new GetVarAction("DEVICE_STATE(" + device + ")"));
        assertThat(response).isInstanceOf(GetVarResponse.class);
        return ((GetVarResponse) response).getValue();
    }
}
