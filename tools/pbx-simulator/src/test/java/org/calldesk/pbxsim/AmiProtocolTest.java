package org.calldesk.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The AMI session rules and wire format, checked byte for byte with a raw socket. */
class AmiProtocolTest {

    private PbxSimulator pbx;

    @BeforeEach
    void start() {
        pbx = PbxSimulator.builder().amiPort(0).httpPort(-1).credentials("calldesk", "s3cret")
                .authFailureDelay(Duration.ofMillis(200)).build().start();
    }

    @AfterEach
    void stop() {
        pbx.close();
    }

    @Test
    void greetsWithTheAsterisk18ProtocolIdentifier() throws IOException {
        try (RawAmiClient client = new RawAmiClient(pbx.amiPort())) {
            assertThat(client.greeting()).isEqualTo("Asterisk Call Manager/7.0.3");
        }
    }

    @Test
    void acceptsTheRightSecretAndEchoesTheActionId() throws IOException {
        try (RawAmiClient client = new RawAmiClient(pbx.amiPort())) {
            client.send("Action", "Login", "ActionID", "a-1", "Username", "calldesk", "Secret", "s3cret");
            assertThat(client.readResponse()).containsExactly(
                    Map.entry("Response", "Success"), Map.entry("ActionID", "a-1"),
                    Map.entry("Message", "Authentication accepted"));
        }
    }

    @Test
    void refusesAWrongSecretAfterTheDelayAndClosesTheConnection() throws IOException {
        try (RawAmiClient client = new RawAmiClient(pbx.amiPort())) {
            long start = System.nanoTime();
            client.send("Action", "Login", "ActionID", "a-2", "Username", "calldesk", "Secret", "wrong");
            Map<String, String> response = client.readResponse();
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(response).containsExactly(
                    Map.entry("Response", "Error"), Map.entry("ActionID", "a-2"),
                    Map.entry("Message", "Authentication failed"));
            assertThat(elapsedMillis).isGreaterThanOrEqualTo(190);
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void refusesActionsBeforeLogin() throws IOException {
        try (RawAmiClient client = new RawAmiClient(pbx.amiPort())) {
            client.send("Action", "Ping", "ActionID", "p-0");
            assertThat(client.readResponse()).containsEntry("Response", "Error")
                    .containsEntry("ActionID", "p-0").containsEntry("Message", "Permission denied");
        }
    }

    @Test
    void answersPingWithPongAndATimestamp() throws IOException {
        try (RawAmiClient client = new RawAmiClient(pbx.amiPort())) {
            client.login("calldesk", "s3cret", "off");
            client.send("Action", "Ping", "ActionID", "p-1");
            Map<String, String> response = client.readResponse();
            assertThat(response).containsEntry("Response", "Success").containsEntry("ActionID", "p-1")
                    .containsEntry("Ping", "Pong");
            assertThat(response.get("Timestamp")).matches("\\d{10}\\.\\d{6}");
        }
    }

    @Test
    void namesAnUnknownActionAsAsteriskDoes() throws IOException {
        try (RawAmiClient client = new RawAmiClient(pbx.amiPort())) {
            client.login("calldesk", "s3cret", "off");
            client.send("Action", "Frobnicate", "ActionID", "u-1");
            assertThat(client.readResponse()).containsEntry("Response", "Error").containsEntry("ActionID", "u-1")
                    .containsEntry("Message", "Invalid/unknown command: Frobnicate. Use Action: ListCommands to show available commands.");
        }
    }

    @Test
    void refusesCommandWithoutTheCommandWriteClass() throws IOException {
        try (RawAmiClient client = new RawAmiClient(pbx.amiPort())) {
            client.login("calldesk", "s3cret", "off");
            client.send("Action", "Command", "ActionID", "c-1", "Command", "core show version");
            assertThat(client.readResponse()).containsEntry("Response", "Error")
                    .containsEntry("Message", "Permission denied");
        }
    }

    @Test
    void answersCoreSettingsWithTheAsteriskVersion() throws IOException {
        try (RawAmiClient client = new RawAmiClient(pbx.amiPort())) {
            client.login("calldesk", "s3cret", "off");
            client.send("Action", "CoreSettings", "ActionID", "cs-1");
            assertThat(client.readResponse()).containsEntry("Response", "Success").containsEntry("ActionID", "cs-1")
                    .containsEntry("AMIversion", "7.0.3").containsEntry("AsteriskVersion", "18.26.4");
        }
    }

    @Test
    void sendsFullyBootedAfterLoginWhenSystemEventsAreWanted() throws IOException {
        try (RawAmiClient client = new RawAmiClient(pbx.amiPort())) {
            client.login("calldesk", "s3cret", null);
            assertThat(client.read()).containsEntry("Event", "FullyBooted").containsEntry("Privilege", "system,all")
                    .containsEntry("Status", "Fully Booted");
        }
    }

    @Test
    void sendsNoEventsToASessionThatLoggedInWithEventsOff() throws IOException {
        try (RawAmiClient client = new RawAmiClient(pbx.amiPort())) {
            client.login("calldesk", "s3cret", "off");
            pbx.inboundCall("01012345678", "15880001");
            client.send("Action", "Ping", "ActionID", "after-call");
            assertThat(client.read()).containsEntry("Response", "Success").containsEntry("ActionID", "after-call");
        }
    }

    @Test
    void saysGoodbyeOnLogoffAndCloses() throws IOException {
        try (RawAmiClient client = new RawAmiClient(pbx.amiPort())) {
            client.login("calldesk", "s3cret", "off");
            client.send("Action", "Logoff", "ActionID", "bye");
            assertThat(client.readResponse()).containsExactly(
                    Map.entry("Response", "Goodbye"), Map.entry("ActionID", "bye"),
                    Map.entry("Message", "Thanks for all the fish."));
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void stampsEventsWithTheTimeWhenTimestampEventsIsOn() throws IOException {
        pbx.close();
        pbx = PbxSimulator.builder().amiPort(0).httpPort(-1).credentials("calldesk", "s3cret")
                .timestampEvents(true).managerDebug(false).build().start();
        try (RawAmiClient client = new RawAmiClient(pbx.amiPort())) {
            client.login("calldesk", "s3cret", "call");
            pbx.inboundCall("01012345678", "15880001");
            Map<String, String> newchannel = client.readEvent("Newchannel");
            assertThat(List.copyOf(newchannel.keySet()).subList(0, 4)).containsExactly("Event", "Privilege", "Timestamp", "Channel");
            assertThat(newchannel.get("Timestamp")).matches("\\d{10}\\.\\d{6}");
        }
    }

    @Test
    void numbersEveryEventWithOneCounterForAllSessionsAsAsteriskDoesWithManagerDebug() throws IOException {
        try (RawAmiClient first = new RawAmiClient(pbx.amiPort()); RawAmiClient second = new RawAmiClient(pbx.amiPort())) {
            first.login("calldesk", "s3cret", "call");
            second.login("calldesk", "s3cret", "call");
            pbx.inboundCall("01012345678", "15880001");
            Map<String, String> newchannel = first.readEvent("Newchannel");
            Map<String, String> newstate = first.readEvent("Newstate");
            assertThat(List.copyOf(newchannel.keySet()).subList(0, 7))
                    .containsExactly("Event", "Privilege", "SequenceNumber", "File", "Line", "Func", "Channel");
            assertThat(Long.parseLong(newstate.get("SequenceNumber"))).isGreaterThan(Long.parseLong(newchannel.get("SequenceNumber")));
            assertThat(second.readEvent("Newchannel")).containsEntry("SequenceNumber", newchannel.get("SequenceNumber"));
            assertThat(second.readEvent("Newstate")).containsEntry("SequenceNumber", newstate.get("SequenceNumber"));
        }
    }

    @Test
    void theContractsEventFilterSendsTheEventsTheAdapterReadsAndNoOthers() throws IOException {
        try (RawAmiClient client = new RawAmiClient(pbx.amiPort())) {
            client.login("calldesk", "s3cret", "call,user");
            pbx.inboundCall("01012345678", "15880001");
            assertThat(eventsUntilTheCallWaits(client)).contains("Newchannel", "Newstate")
                    .doesNotContain("NewCallerid", "NewConnectedLine", "DeviceStateChange", "HangupRequest");
        }
    }

    @Test
    void withoutAnEventFilterEveryEventTheUserMayReadIsSent() throws IOException {
        pbx.close();
        pbx = PbxSimulator.builder().amiPort(0).httpPort(-1).credentials("calldesk", "s3cret")
                .eventFilter(List.of()).build().start();
        try (RawAmiClient client = new RawAmiClient(pbx.amiPort())) {
            client.login("calldesk", "s3cret", "call");
            pbx.inboundCall("01012345678", "15880001");
            assertThat(client.readEvent("DeviceStateChange")).containsKey("State");
        }
    }

    @Test
    void aBlacklistFilterDropsWhatItMatchesAmongWhatTheWhitelistLetsThrough() throws IOException {
        pbx.close();
        pbx = PbxSimulator.builder().amiPort(0).httpPort(-1).credentials("calldesk", "s3cret")
                .eventFilter(List.of("Event: (Newchannel|Newstate|UserEvent)[^A-Za-z]", "!Event: Newstate[^A-Za-z]"))
                .build().start();
        try (RawAmiClient client = new RawAmiClient(pbx.amiPort())) {
            client.login("calldesk", "s3cret", "call,user");
            pbx.inboundCall("01012345678", "15880001");
            assertThat(eventsUntilTheCallWaits(client)).isNotEmpty().containsOnly("Newchannel");
        }
    }

    @Test
    void aBlacklistFilterAloneLetsEverythingElseThrough() throws IOException {
        pbx.close();
        pbx = PbxSimulator.builder().amiPort(0).httpPort(-1).credentials("calldesk", "s3cret")
                .eventFilter(List.of("!Event: Newchannel[^A-Za-z]")).build().start();
        try (RawAmiClient client = new RawAmiClient(pbx.amiPort())) {
            client.login("calldesk", "s3cret", "call,user");
            pbx.inboundCall("01012345678", "15880001");
            assertThat(eventsUntilTheCallWaits(client)).contains("Newstate", "DeviceStateChange").doesNotContain("Newchannel");
        }
    }

    /** The names of the events before the call's UserEvent CallDeskWaiting. */
    private static List<String> eventsUntilTheCallWaits(RawAmiClient client) throws IOException {
        List<String> events = new java.util.ArrayList<>();
        for (Map<String, String> event = client.read(); !"UserEvent".equals(event.get("Event")); event = client.read()) {
            events.add(event.get("Event"));
        }
        return events;
    }

    @Test
    void numbersNoEventWithoutManagerDebug() throws IOException {
        pbx.close();
        pbx = PbxSimulator.builder().amiPort(0).httpPort(-1).credentials("calldesk", "s3cret")
                .managerDebug(false).build().start();
        try (RawAmiClient client = new RawAmiClient(pbx.amiPort())) {
            client.login("calldesk", "s3cret", "call");
            pbx.inboundCall("01012345678", "15880001");
            assertThat(client.readEvent("Newchannel")).doesNotContainKey("SequenceNumber");
        }
    }

    @Test
    void listsDeviceStatesFramedAsAnEventList() throws IOException {
        pbx.setPhoneRegistered("PJSIP/1099", false);
        try (RawAmiClient client = new RawAmiClient(pbx.amiPort())) {
            client.login("calldesk", "s3cret", "off");
            client.send("Action", "DeviceStateList", "ActionID", "d-1");
            assertThat(client.read()).containsExactly(Map.entry("Response", "Success"), Map.entry("ActionID", "d-1"),
                    Map.entry("EventList", "start"), Map.entry("Message", "Device State Changes will follow"));
            Map<String, String> item = client.read();
            assertThat(item.keySet()).containsExactly("Event", "ActionID", "Device", "State");
            assertThat(item).containsEntry("Event", "DeviceStateChange").containsEntry("Device", "PJSIP/1001")
                    .containsEntry("State", "NOT_INUSE");
            Map<String, String> packet = item;
            while (!"DeviceStateListComplete".equals(packet.get("Event"))) {
                if ("PJSIP/1099".equals(packet.get("Device"))) {
                    assertThat(packet).containsEntry("State", "UNAVAILABLE");
                }
                packet = client.read();
            }
            assertThat(packet).containsEntry("ActionID", "d-1").containsEntry("EventList", "Complete")
                    .containsEntry("ListItems", "100");
        }
    }

    @Test
    void answersGetvarOfADeviceStateWithoutAChannel() throws IOException {
        try (RawAmiClient client = new RawAmiClient(pbx.amiPort())) {
            client.login("calldesk", "s3cret", "off");
            client.send("Action", "Getvar", "ActionID", "g-1", "Variable", "DEVICE_STATE(PJSIP/1001)");
            assertThat(client.read()).containsExactly(Map.entry("Response", "Success"), Map.entry("ActionID", "g-1"),
                    Map.entry("Variable", "DEVICE_STATE(PJSIP/1001)"), Map.entry("Value", "NOT_INUSE"));
        }
    }

    @Test
    void writesTheInboundCallEventsWithAsteriskHeaderOrder() throws IOException {
        try (RawAmiClient client = new RawAmiClient(pbx.amiPort())) {
            client.login("calldesk", "s3cret", "call");
            ChannelInfo call = pbx.inboundCall("01012345678", "15880001");
            Map<String, String> newchannel = client.readEvent("Newchannel");
            assertThat(newchannel.keySet()).containsExactly("Event", "Privilege", "SequenceNumber", "File", "Line", "Func",
                    "Channel", "ChannelState",
                    "ChannelStateDesc", "CallerIDNum", "CallerIDName", "ConnectedLineNum", "ConnectedLineName",
                    "Language", "AccountCode", "Context", "Exten", "Priority", "Uniqueid", "Linkedid");
            assertThat(newchannel).containsEntry("Privilege", "call,all")
                    .containsEntry("Channel", call.name()).containsEntry("ChannelState", "4")
                    .containsEntry("ChannelStateDesc", "Ring").containsEntry("CallerIDNum", "01012345678")
                    .containsEntry("CallerIDName", "<unknown>").containsEntry("ConnectedLineNum", "<unknown>")
                    .containsEntry("Language", "en").containsEntry("AccountCode", "")
                    .containsEntry("Context", "calldesk-inbound").containsEntry("Exten", "15880001")
                    .containsEntry("Priority", "1").containsEntry("Linkedid", call.uniqueid());
            assertThat(newchannel.get("Channel")).matches("PJSIP/trunk-[0-9a-f]{8}");
            assertThat(newchannel.get("Uniqueid")).matches("\\d{10}\\.\\d+");
            assertThat(client.readEvent("Newstate")).containsEntry("ChannelState", "6")
                    .containsEntry("ChannelStateDesc", "Up");
            assertThat(client.readEvent("MusicOnHoldStart")).containsEntry("Class", "default")
                    .containsEntry("Priority", "4");
        }
    }
}
