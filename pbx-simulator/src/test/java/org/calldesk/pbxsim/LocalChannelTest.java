package org.calldesk.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.GetVarAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.MusicOnHoldStartEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.response.GetVarResponse;
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
