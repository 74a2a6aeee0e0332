package org.calldesk.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.MusicOnHoldStartEvent;
import org.calldesk.pbxsim.pbx.LoadGenerator;
import org.calldesk.pbxsim.pbx.LoadProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Stopping and restarting under a connected client, many calls at once, generated load, slow clients. */
class RobustnessTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    private PbxSimulator pbx;
    private AsteriskJavaSession ami;

    private void start(PbxSimulator.Builder builder) {
        pbx = builder.credentials("calldesk", "s3cret").build().start();
    }

    @AfterEach
    void stop() {
        if (ami != null) {
            ami.close();
        }
        pbx.close();
    }

    @Test
    void comesBackOnTheSamePortsAfterARestartAndAsteriskJavaReconnects() throws Exception {
        start(PbxSimulator.builder().amiPort(0).httpPort(0));
        int amiPort = pbx.amiPort();
        int httpPort = pbx.httpPort();
        ami = new AsteriskJavaSession(pbx, "calldesk", "s3cret");
        pbx.inboundCall("01012345678", "15880001");
        ami.await(MusicOnHoldStartEvent.class);

        pbx.close();
        ami.await(DisconnectEvent.class);
        assertThat(pbx.isRunning()).isFalse();
        pbx.start();

        assertThat(pbx.amiPort()).isEqualTo(amiPort);
        assertThat(pbx.httpPort()).isEqualTo(httpPort);
        ami.await(ConnectEvent.class);
        await().atMost(LONG).until(() -> ami.connection().getState() == ManagerConnectionState.CONNECTED);
        assertThat(ami.send(new PingAction()).getResponse()).isEqualTo("Success");
        assertThat(pbx.calls()).isEmpty();
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
    }

    @Test
    void carriesTwoThousandCallsPlacedConcurrently() throws Exception {
        start(PbxSimulator.builder().amiPort(0).httpPort(-1));
        ami = new AsteriskJavaSession(pbx, "calldesk", "s3cret");
        ExecutorService callers = Executors.newFixedThreadPool(8);
        List<Future<ChannelInfo>> placed = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String from = String.format("0105%07d", i);
            placed.add(callers.submit(() -> pbx.inboundCall(from, "15880001")));
        }
        for (Future<ChannelInfo> call : placed) {
            call.get(30, TimeUnit.SECONDS);
        }
        callers.shutdown();

        await().atMost(LONG).until(() -> ami.events(MusicOnHoldStartEvent.class).size() == 2000);
        assertThat(pbx.channelCount()).isEqualTo(2000);
        assertThat(pbx.calls()).extracting(CallInfo::id).doesNotHaveDuplicates().hasSize(2000);

        for (CallInfo call : pbx.calls()) {
            pbx.hangupCall(call.id());
        }
        await().atMost(LONG).until(() -> ami.events(HangupEvent.class).size() == 2000);
        assertThat(pbx.channelCount()).isZero();
        assertThat(pbx.device("PJSIP/trunk")).hasValueSatisfying(d -> assertThat(d.state()).isEqualTo("NOT_INUSE"));
    }

    @Test
    void generatesInboundCallsAtTheRequestedRateAndTheyEndByThemselves() throws Exception {
        start(PbxSimulator.builder().amiPort(0).httpPort(-1));
        ami = new AsteriskJavaSession(pbx, "calldesk", "s3cret");

        LoadGenerator load = pbx.startLoad(LoadProfile.of(500, Duration.ofSeconds(1), "15880001").holdingFor(200));

        assertThat(load.awaitFinished(10, TimeUnit.SECONDS)).isTrue();
        assertThat(load.placed()).isBetween(495L, 500L);
        assertThat(load.skipped()).isZero();
        await().atMost(LONG).until(() -> pbx.channelCount() == 0);
        await().atMost(LONG).until(() -> ami.events(HangupEvent.class).size() == load.placed());
    }

    @Test
    void skipsCallsRatherThanGrowPastTheChannelLimit() throws Exception {
        start(PbxSimulator.builder().amiPort(0).httpPort(-1));

        LoadGenerator load = pbx.startLoad(LoadProfile.of(1000, Duration.ofMillis(300), "15880001")
                .holdingFor(60_000).withMaxChannels(50));

        assertThat(load.awaitFinished(10, TimeUnit.SECONDS)).isTrue();
        assertThat(pbx.channelCount()).isEqualTo(50);
        assertThat(load.placed()).isEqualTo(50);
        assertThat(load.skipped()).isPositive();
    }

    @Test
    void dropsAClientThatStopsReadingAndKeepsServingTheOthers() throws Exception {
        start(PbxSimulator.builder().amiPort(0).httpPort(-1).writeTimeout(Duration.ofMillis(300)));
        try (RawAmiClient reader = new RawAmiClient(pbx.amiPort());
             Socket stuck = new Socket(InetAddress.getLoopbackAddress(), pbx.amiPort())) {
            reader.login("calldesk", "s3cret", "call");
            AtomicLong hangups = new AtomicLong();
            Thread drain = new Thread(() -> {
                try {
                    Map<String, String> packet;
                    while ((packet = reader.read()) != null) {
                        if ("Hangup".equals(packet.get("Event"))) {
                            hangups.incrementAndGet();
                        }
                    }
                } catch (IOException e) {
                    hangups.set(-1);
                }
            }, "test-ami-drain");
            drain.setDaemon(true);
            drain.start();
            stuck.setReceiveBufferSize(4096);
            stuck.getOutputStream().write("Action: Login\r\nUsername: calldesk\r\nSecret: s3cret\r\n\r\n"
                    .getBytes(StandardCharsets.UTF_8));
            await().atMost(LONG).until(() -> pbx.amiConnections() == 2);

            LoadGenerator load = pbx.startLoad(LoadProfile.of(10_000, Duration.ofMillis(500), "15880001").holdingFor(20));

            await().atMost(LONG).until(() -> pbx.amiConnections() == 1);
            assertThat(load.awaitFinished(10, TimeUnit.SECONDS)).isTrue();
            await().atMost(LONG).until(() -> hangups.get() == load.placed());
            assertThat(pbx.amiConnections()).isEqualTo(1);
            assertThat(load.placed()).isEqualTo(5000);
        }
    }
}
