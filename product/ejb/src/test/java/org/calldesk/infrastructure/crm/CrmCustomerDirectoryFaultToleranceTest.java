package org.calldesk.infrastructure.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.inject.ConfigExtension;
import io.smallrye.faulttolerance.FaultToleranceExtension;
import io.smallrye.faulttolerance.metrics.MetricsIntegration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.calldesk.application.integration.CustomerDirectory;
import org.calldesk.domain.model.customer.Customer;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The screen pop's guards, with MicroProfile Fault Tolerance running as in the server (CDI and
 * SmallRye Fault Tolerance) in front of a fake CRM that answers, hangs or fails.
 */
class CrmCustomerDirectoryFaultToleranceTest {

    private WeldContainer container;
    private CustomerDirectory directory;

    @BeforeEach
    void start() {
        FakeCrm.reset();
        container = new Weld().disableDiscovery()
                .addBeanClasses(CrmCustomerDirectory.class, FakeCrmClients.class, CrmSettings.class)
                .addExtension(new ConfigExtension())
                .addExtension(new FaultToleranceExtension(MetricsIntegration.NOOP))
                .initialize();
        directory = container.select(CustomerDirectory.class).get();
    }

    @AfterEach
    void stop() {
        FakeCrm.release.countDown();
        container.close();
    }

    @Test
    void findsTheCustomerTheCrmKnows() {
        FakeCrm.behaviour = Behaviour.ANSWER;

        assertThat(directory.findByPhone("01012345678"))
                .contains(new Customer("C-1", "Kim Minji", "Hanbit Ltd", "http://crm/customers/C-1"));
    }

    @Test
    void aCrmThatHangsGivesNoCustomerWithinTheTimeout() {
        FakeCrm.behaviour = Behaviour.HANG;

        Instant start = Instant.now();
        Optional<Customer> found = directory.findByPhone("01012345678");

        assertThat(found).isEmpty();
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void aFailingCrmGivesNoCustomer() {
        FakeCrm.behaviour = Behaviour.FAIL;

        assertThat(directory.findByPhone("01012345678")).isEmpty();
        assertThat(FakeCrm.calls.get()).isEqualTo(1);
    }

    @Test
    void aCrmThatKeepsFailingIsNotAskedUntilTheBreakerCloses() {
        FakeCrm.behaviour = Behaviour.FAIL;
        for (int i = 0; i < 4; i++) {
            assertThat(directory.findByPhone("0101234567" + i)).isEmpty();
        }
        FakeCrm.behaviour = Behaviour.ANSWER;

        Instant start = Instant.now();
        assertThat(directory.findByPhone("01012345678")).isEmpty();

        assertThat(FakeCrm.calls.get()).as("the open breaker kept the fifth lookup from the CRM").isEqualTo(4);
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofMillis(200));
    }

    @Test
    void noCrmConfiguredMeansNoCustomerAndNoCall() {
        FakeCrm.behaviour = Behaviour.NOT_CONFIGURED;

        assertThat(directory.findByPhone("01012345678")).isEmpty();
        assertThat(FakeCrm.calls.get()).isZero();
    }

    enum Behaviour { ANSWER, HANG, FAIL, NOT_CONFIGURED }

    /** A CRM whose behaviour each test sets; the beans under test reach it through {@link FakeCrmClients}. */
    static final class FakeCrm implements CrmApi {

        static volatile Behaviour behaviour = Behaviour.ANSWER;
        static final AtomicInteger calls = new AtomicInteger();
        static volatile CountDownLatch release = new CountDownLatch(1);

        static void reset() {
            behaviour = Behaviour.ANSWER;
            calls.set(0);
            release = new CountDownLatch(1);
        }

        @Override
        public JsonArray customersByPhone(String phone, String authorization) {
            calls.incrementAndGet();
            switch (behaviour) {
                case HANG:
                    try {
                        release.await(); // until the timeout interrupts it, or the test ends
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted", e);
                    }
                    throw new IllegalStateException("released");
                case FAIL:
                    throw new ProcessingException("connection refused");
                default:
                    JsonObject customer = Json.createObjectBuilder().add("id", "C-1").add("name", "Kim Minji")
                            .add("company", "Hanbit Ltd").add("url", "http://crm/customers/C-1").build();
                    return Json.createArrayBuilder().add(customer).build();
            }
        }

        @Override
        public Response ticketChanged(String idempotencyKey, String authorization, JsonObject event) {
            throw new UnsupportedOperationException();
        }
    }

    /** Stands in for the REST client factory. */
    @ApplicationScoped
    static class FakeCrmClients extends CrmClients {

        @Override
        public Optional<CrmApi> api() {
            return FakeCrm.behaviour == Behaviour.NOT_CONFIGURED ? Optional.empty() : Optional.of(new FakeCrm());
        }

        @Override
        public String authorization() {
            return null;
        }
    }
}
