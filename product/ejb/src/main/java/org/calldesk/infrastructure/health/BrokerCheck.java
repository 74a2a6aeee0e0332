package org.calldesk.infrastructure.health;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.calldesk.infrastructure.messaging.jms.JmsResources;

/**
 * Ready when the message broker answers: a browser on the PBX events queue is opened, which
 * takes a round trip to the broker.
 *
 * <p>Why not just a connection: the resource adapter pools them, and hands out one it holds while
 * the broker is down (it keeps reconnecting for ever, so nothing is dropped): /health said UP for
 * a whole broker outage. Anything that does reach the broker then blocks until it is back, so the
 * probe runs on the container's executor and the check waits at most {@link #PATIENCE}; while a
 * probe is still blocked no other is started: a check that comes meanwhile takes that probe's
 * answer, waiting for it within what is left of its patience, and once that is over the broker is
 * DOWN since the probe began. (A check that found a probe started a few milliseconds before by
 * {@code /health} once said DOWN at once: on a busy machine at start-up two such answers in a row
 * made {@link BrokerWatch} log a broker outage that was none.) One probe
 * for both answers, {@code /calldesk/health} and MicroProfile Health's {@link BrokerHealthCheck}.
 *
 * <p>An enterprise bean rather than a plain CDI bean, so the probe always runs in this
 * application's context: Payara Server answers {@code /health} from a module of its own, and
 * the executor hands a task the context of the thread that submits it; a connection of the
 * application's factory opened there was refused ("Module __default-web-module is disabled") and
 * the broker reported DOWN while it was up. A call into a bean enters the application's module.
 * Its concurrency is its own (the monitor below).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BrokerCheck {

    static final Duration PATIENCE = Duration.ofSeconds(2);
    private static final String FIX = SettingsToFix.BROKER;

    @Resource(lookup = JmsResources.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource(lookup = JmsResources.PBX_EVENT_QUEUE)
    Queue queue;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ExecutorService executor;

    Clock clock = Clock.systemUTC();

    /** The last probe, and when it began; guarded by this. */
    private Future<?> probe;
    private Instant probeStarted;

    public BrokerCheck() {
    }

    BrokerCheck(ConnectionFactory connectionFactory, Queue queue, ExecutorService executor, Clock clock) {
        this.connectionFactory = connectionFactory;
        this.queue = queue;
        this.executor = executor;
        this.clock = clock;
    }

    public CheckResult check() {
        var response = CheckResult.named("broker");
        Future<?> running;
        long patience;
        boolean joined;
        synchronized (this) {
            Instant now = clock.instant();
            joined = probe != null && !probe.isDone();
            if (joined) {
                // a probe another caller started: its answer is this one's too, within what is left of its patience
                patience = PATIENCE.minus(Duration.between(probeStarted, now)).toMillis();
                if (patience <= 0) {
                    return response.down()
                            .with("error", "the message broker has not answered since " + probeStarted)
                            .with("fix", FIX);
                }
            } else {
                probeStarted = now;
                probe = executor.submit(this::browse);
                patience = PATIENCE.toMillis();
            }
            running = probe;
        }
        try {
            running.get(patience, TimeUnit.MILLISECONDS);
            return response.up();
        } catch (TimeoutException e) {
            return response.down()
                    .with("error", joined ? "the message broker has not answered since " + probeStarted
                            : "the message broker did not answer within " + PATIENCE.toMillis() + " ms")
                    .with("fix", FIX);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return response.down()
                    .with("error", "cannot reach the message broker: " + cause.getMessage())
                    .with("fix", FIX);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().with("error", "interrupted while asking the message broker");
        }
    }

    private Void browse() throws Exception {
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession();
             QueueBrowser browser = session.createBrowser(queue)) {
            browser.getEnumeration().hasMoreElements();
        }
        return null;
    }
}
