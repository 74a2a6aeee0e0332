package org.calldesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.calldesk.pbxsim.ChannelInfo;
import org.calldesk.testsupport.ApiClient;
import org.calldesk.testsupport.Surroundings;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Callers who reached the PBX while the application was down (here: before Payara Micro started
 * it) are learnt from the PBX's channel listing at the adapter's login, which comes before the
 * application's message-driven beans are active. None may be lost, and they are recorded in their
 * order of arrival at the PBX, so they are routed in that order.
 */
@ExtendWith({TestInfrastructure.class, CallersWaitingAtStartIT.CallersBeforeTheApplication.class,
        ArquillianExtension.class})
@RunAsClient
class CallersWaitingAtStartIT {

    private static final int CALLERS = 8;
    private static final List<ChannelInfo> WAITING = new CopyOnWriteArrayList<>();
    private static final List<String> NUMBERS = IntStream.range(0, CALLERS)
            .mapToObj(i -> "0107" + (System.nanoTime() % 1_000_000) + i).toList();

    /** Registered before Arquillian's extension: the callers call before Payara Micro starts the application. */
    static final class CallersBeforeTheApplication implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) throws InterruptedException {
            // the previous test class's node may still be stopping, connected to the PBX: it would
            // record some of these callers itself, so they would not be callers of a stopped application
            Surroundings.stopPayaraMicro();
            for (String number : NUMBERS) {
                WAITING.add(TestInfrastructure.pbx().inboundCall(number, "15880001"));
            }
        }
    }

    @Deployment(testable = false)
    static WebArchive application() {
        return TestInfrastructure.calldeskWar();
    }

    @ArquillianResource
    URL base;

    @Test
    void callersWhoWaitedBeforeTheApplicationStartedAreAllRecordedInTheirOrderOfArrival() throws Exception {
        ApiClient api = new ApiClient(base, "admin", "admin");

        Map<String, JsonObject> recorded = await("every caller who waited recorded").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> callsOf(api), calls -> calls.size() == CALLERS);

        List<Instant> started = NUMBERS.stream().map(n -> Instant.parse(recorded.get(n).getString("startedAt"))).toList();
        assertThat(started).as("recorded in their order of arrival at the PBX").isSorted();
    }

    /** The callers leave, so no later test finds them waiting. */
    @AfterAll
    static void callersHangUp() {
        WAITING.forEach(caller -> TestInfrastructure.pbx().hangupCall(caller.callId()));
    }

    private static Map<String, JsonObject> callsOf(ApiClient api) throws Exception {
        return api.getJson("api/v1/calls").asJsonArray().stream().map(JsonValue::asJsonObject)
                .filter(call -> NUMBERS.contains(call.getString("customerNumber")))
                .collect(Collectors.toMap(call -> call.getString("customerNumber"), Function.identity(), (a, b) -> a));
    }
}
