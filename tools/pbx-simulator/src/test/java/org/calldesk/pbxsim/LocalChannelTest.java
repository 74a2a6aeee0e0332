package org.calldesk.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.GetVarAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.MusicOnHoldStartEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.response.GetVarResponse;
import org.calldesk.connector.ami.CallDeskWaitingEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Local channels as Asterisk 22.10.1 made them in the recorded walk (asterisk-traces): agents'
 * phones {@code Local/1001@phones} and callers {@code Local/15880001@calldesk-inbound}, each two
 * halves {@code ...-<8 hex>;1} and {@code ;2} sharing the Linkedid, the {@code ;2} half running
 * the dialplan, both listed by CoreShowChannels.
 */
class LocalChannelTest {

    /** The rig's phones (asterisk-traces/README.md), faster. */
    private static final String PHONES = """

            [phones]
            exten => 1050,1,Ringing()
             same => n,Wait(600)
            exten => 1077,1,Busy(10)
            exten => _10XX,1,Ringing()
             same => n,Wait(0.2)
             same => n,Answer()
             same => n,Wait(7200)
             same => n,Hangup()
            """;

    private PbxSimulator pbx;
    private AsteriskJavaSession ami;

    @BeforeEach
    void start() throws Exception {
        pbx = PbxSimulator.builder().amiPort(0).httpPort(-1).credentials("calldesk", "s3cret")
                .dialplan(PbxSimulator.defaultDialplan() + PHONES).eventFilter(List.of())
                .build().start();
        ami = new AsteriskJavaSession(pbx, "calldesk", "s3cret");
    }

    @AfterEach
    void stop() {
        ami.close();
        pbx.close();
    }

    private static OriginateAction toApplication(String channel, String channelId, long timeoutMillis) {
        OriginateAction originate = new OriginateAction();
        originate.setChannel(channel);
        originate.setApplication("Wait");
        originate.setData("7200");
        originate.setAsync(true);
        originate.setTimeout(timeoutMillis);
        originate.setChannelId(channelId);
        return originate;
    }

    private String deviceState(String device) throws Exception {
        return ((GetVarResponse) ami.send(new GetVarAction("DEVICE_STATE(" + device + ")"))).getValue();
    }

    private List<CoreShowChannelEvent> listing() throws Exception {
        return ami.connection().sendEventGeneratingAction(new CoreShowChannelsAction(), 5000).getEvents().stream()
                .filter(CoreShowChannelEvent.class::isInstance).map(CoreShowChannelEvent.class::cast).toList();
    }

    @Test
    void aLocalPhoneIsTwoHalvesWithAsterisksNamesOneLinkedidAndBothListed() throws Exception {
        assertThat(deviceState("Local/1001@phones")).isEqualTo("NOT_INUSE");
        assertThat(deviceState("Local/9999@phones")).as("no such extension").isEqualTo("INVALID");

        ami.send(toApplication("Local/1001@phones", "calldesk-a-1", 5000));

        OriginateResponseEvent answered = ami.await(OriginateResponseEvent.class, e -> true);
        assertThat(answered.getResponse()).isEqualTo("Success");
        assertThat(answered.getChannel()).matches("Local/1001@phones-[0-9a-f]{8};1");
        String pair = answered.getChannel().substring(0, answered.getChannel().length() - 2);
        List<NewChannelEvent> halves = ami.events(NewChannelEvent.class);
        assertThat(halves).extracting(NewChannelEvent::getChannel).containsExactly(pair + ";1", pair + ";2");
        assertThat(halves).extracting(NewChannelEvent::getUniqueId).containsExactly("calldesk-a-1", "calldesk-a-1;2");
        assertThat(halves).extracting(NewChannelEvent::getLinkedid).containsOnly("calldesk-a-1");
        assertThat(ami.events().stream().filter(e -> e.getClass().getSimpleName().equals("LocalBridgeEvent"))).hasSize(1);
        assertThat(ami.events(NewStateEvent.class, e -> e.getChannel().equals(pair + ";1")))
                .extracting(NewStateEvent::getChannelStateDesc).containsExactly("Ringing", "Up");
        assertThat(listing()).extracting(CoreShowChannelEvent::getChannel).containsExactly(pair + ";1", pair + ";2");
        assertThat(listing()).filteredOn(c -> c.getChannel().endsWith(";2")).singleElement()
                .satisfies(two -> assertThat(two.getContext()).isEqualTo("phones"));
        assertThat(deviceState("Local/1001@phones")).isEqualTo("INUSE");

        ami.send(new HangupAction(pair + ";1"));

        ami.await(HangupEvent.class, e -> e.getChannel().equals(pair + ";2"));
        await().atMost(Duration.ofSeconds(5)).until(() -> pbx.channels().isEmpty());
        assertThat(deviceState("Local/1001@phones")).isEqualTo("NOT_INUSE");
    }

    @Test
    void aLocalPhoneThatNeverAnswersFailsWithReasonThreeAndLeavesNoHalf() throws Exception {
        ami.send(toApplication("Local/1050@phones", "calldesk-a-2", 500));

        OriginateResponseEvent failed = ami.await(OriginateResponseEvent.class, e -> true);
        assertThat(failed.getResponse()).isEqualTo("Failure");
        assertThat(failed.getReason()).isEqualTo(3);
        await().atMost(Duration.ofSeconds(5)).until(() -> pbx.channels().isEmpty());
        assertThat(ami.events(HangupEvent.class)).hasSize(2);
    }

    @Test
    void aBusyLocalPhoneFailsWithReasonFive() throws Exception {
        ami.send(toApplication("Local/1077@phones", "calldesk-a-3", 5000));

        OriginateResponseEvent failed = ami.await(OriginateResponseEvent.class, e -> true);
        assertThat(failed.getResponse()).isEqualTo("Failure");
        assertThat(failed.getReason()).isEqualTo(5);
        await().atMost(Duration.ofSeconds(5)).until(() -> pbx.channels().isEmpty());
    }

    /** The rig's customers, reached by Dial up through Local channels (asterisk-traces/README.md), faster. */
    private static final String CUSTOMERS = """

            [customers]
            exten => 0100000017,1,Busy(10)
            exten => _X.,1,Ringing()
             same => n,Wait(0.2)
             same => n,Answer()
             same => n,Wait(7200)
            """;

    private void dialUpThroughLocalCustomers(String customer, String callId) throws Exception {
        pbx.close();
        pbx = PbxSimulator.builder().amiPort(0).httpPort(-1).credentials("calldesk", "s3cret")
                .dialplan(PbxSimulator.defaultDialplan().replace("Dial(PJSIP/${EXTEN}@trunk,", "Dial(Local/${EXTEN}@customers,")
                        + CUSTOMERS)
                .eventFilter(List.of()).build().start();
        ami.close();
        ami = new AsteriskJavaSession(pbx, "calldesk", "s3cret");
        OriginateAction originate = new OriginateAction();
        originate.setChannel("PJSIP/1001");
        originate.setContext("calldesk-outbound");
        originate.setExten(customer);
        originate.setPriority(1);
        originate.setAsync(true);
        originate.setTimeout(5000L);
        originate.setChannelId(callId);
        originate.setVariable("CALLDESK_SENDNO", "0215880001");
        originate.setVariable("CALLDESK_TIMEOUT", "5");
        ami.send(originate);
    }

    @Test
    void aDialUpReachesACustomerBehindALocalChannelWithTheCallsLinkedid() throws Exception {
        dialUpThroughLocalCustomers("01099998888", "calldesk-o-1");

        DialBeginEvent begin = ami.await(DialBeginEvent.class, e -> e.getChannel() != null);
        assertThat(begin.getDestChannel()).matches("Local/01099998888@customers-[0-9a-f]{8};1");
        assertThat(begin.getDestLinkedId()).isEqualTo("calldesk-o-1");
        assertThat(ami.await(DialEndEvent.class, e -> e.getChannel() != null).getDialStatus()).isEqualTo("ANSWER");
        ami.await(BridgeEnterEvent.class, 2, e -> true);
        assertThat(pbx.calls()).singleElement().satisfies(call -> {
            assertThat(call.id()).isEqualTo("calldesk-o-1");
            assertThat(call.channels()).extracting(ChannelInfo::name).anyMatch(name -> name.endsWith(";2"));
        });
    }

    @Test
    void aDialUpToABusyCustomerBehindALocalChannelEndsBusy() throws Exception {
        dialUpThroughLocalCustomers("0100000017", "calldesk-o-2");

        assertThat(ami.await(DialEndEvent.class, e -> e.getChannel() != null).getDialStatus()).isEqualTo("BUSY");
        await().atMost(Duration.ofSeconds(5)).until(() -> pbx.channels().isEmpty());
    }

    @Test
    void aCallerThroughALocalChannelWaitsOnTheSecondHalfWithBothHalvesInTheInboundContext() throws Exception {
        ami.send(toApplication("Local/15880001@calldesk-inbound", "", 5000));

        CallDeskWaitingEvent waiting = ami.await(CallDeskWaitingEvent.class, e -> true);
        assertThat(waiting.getChannel()).matches("Local/15880001@calldesk-inbound-[0-9a-f]{8};2");
        assertThat(waiting.getService()).isEqualTo("15880001");
        ami.await(MusicOnHoldStartEvent.class, e -> e.getChannel().equals(waiting.getChannel()));
        List<CoreShowChannelEvent> listed = listing();
        assertThat(listed).hasSize(2).allSatisfy(half -> assertThat(half.getContext()).isEqualTo("calldesk-inbound"));
        assertThat(listed).extracting(CoreShowChannelEvent::getLinkedid).containsOnly(listed.get(0).getUniqueid());
    }
}
