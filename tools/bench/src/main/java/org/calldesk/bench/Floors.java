package org.calldesk.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.calldesk.connector.ami.CallDeskWaitingEvent;
import org.calldesk.pbxsim.PbxSimulator;
import org.calldesk.pbxsim.pbx.LoadGenerator;
import org.calldesk.pbxsim.pbx.LoadProfile;

/**
 * What the product stands on, measured on the same machine and in the same run: how fast
 * asterisk-java alone takes in the simulator's events, and how many single-row insert+commit
 * transactions the database does per second.
 */
final class Floors {

    /** Held so the level sticks: java.util.logging keeps loggers only weakly. */
    private static final java.util.logging.Logger ASTERISK_JAVA_LOG = java.util.logging.Logger.getLogger("org.asteriskjava");

    /**
     * @param eventsPerSecond AMI events asterisk-java delivered to a listener per second
     * @param callsPerSecond inbound calls whose arrival event it delivered, per second
     * @param eventsPerCall AMI events one inbound call raises (arrival to hang-up)
     */
    record AmiFloor(double eventsPerSecond, double callsPerSecond, double eventsPerCall, double offeredCallsPerSecond) {
    }

    /** @param commitMillisP50 the median insert+commit */
    record DatabaseFloor(double commitsPerSecond, double commitMillisP50, double commitMillisP99) {
    }

    private Floors() {
    }

    /**
     * A bare asterisk-java session against the simulator while it places inbound calls far faster
     * than the benchmark's rate (each customer hangs up at once), for a few seconds.
     */
    static AmiFloor ami(PbxSimulator pbx, double rate, Duration duration) throws Exception {
        ASTERISK_JAVA_LOG.setLevel(java.util.logging.Level.SEVERE); // its warm-up warnings are not the floor's concern
        ManagerConnection connection = new ManagerConnectionFactory("127.0.0.1", pbx.amiPort(), "calldesk", "calldesk")
                .createManagerConnection();
        connection.registerUserEventClass(CallDeskWaitingEvent.class);
        AtomicLong events = new AtomicLong();
        AtomicLong arrivals = new AtomicLong();
        AtomicLong first = new AtomicLong();
        AtomicLong last = new AtomicLong();
        AtomicLong firstArrival = new AtomicLong();
        AtomicLong lastArrival = new AtomicLong();
        connection.addEventListener(event -> {
            long now = System.nanoTime();
            first.compareAndSet(0, now);
            last.set(now);
            events.incrementAndGet();
            if (event instanceof CallDeskWaitingEvent) {
                firstArrival.compareAndSet(0, now);
                lastArrival.set(now);
                arrivals.incrementAndGet();
            }
        });
        connection.login();
        try {
            long before = events.get();
            first.set(0);
            LoadGenerator load = pbx.startLoad(new LoadProfile(rate, duration, java.util.List.of("15880001"), 50, 20_000));
            load.awaitFinished(duration.toMillis() + 30_000, TimeUnit.MILLISECONDS);
            long placed = load.placed();
            awaitQuiet(events, pbx);
            long received = events.get() - before;
            double seconds = Math.max(1e-3, (last.get() - first.get()) / 1e9);
            double arrivalSeconds = Math.max(1e-3, (lastArrival.get() - firstArrival.get()) / 1e9);
            return new AmiFloor(received / seconds, arrivals.get() / arrivalSeconds,
                    placed == 0 ? 0 : received / (double) placed, placed / (double) duration.toSeconds());
        } finally {
            connection.logoff();
        }
    }

    /** Until the simulator has no channels left and no event came for half a second. */
    private static void awaitQuiet(AtomicLong events, PbxSimulator pbx) throws InterruptedException {
        long seen = -1;
        for (int i = 0; i < 600; i++) {
            long now = events.get();
            if (now == seen && pbx.channelCount() == 0) {
                return;
            }
            seen = now;
            Thread.sleep(500);
        }
    }

    /** Single-row inserts, each committed on its own, from one connection for the given time. */
    static DatabaseFloor database(String url, String user, String password, Duration duration) throws SQLException {
        Latencies commits = new Latencies();
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("drop table if exists bench_floor");
                statement.execute("create table bench_floor (id bigint primary key, body varchar(200), at timestamp)");
            }
            connection.setAutoCommit(false);
            long end = System.nanoTime() + duration.toNanos();
            long started = System.nanoTime();
            long n = 0;
            try (PreparedStatement insert = connection.prepareStatement("insert into bench_floor values (?, ?, ?)")) {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    insert.setLong(1, ++n);
                    insert.setString(2, "call " + n + " waiting for service support");
                    insert.setTimestamp(3, new java.sql.Timestamp(System.currentTimeMillis()));
                    insert.executeUpdate();
                    connection.commit();
                    commits.recordNanos(System.nanoTime() - t0);
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            try (Statement statement = connection.createStatement()) {
                statement.execute("drop table bench_floor");
            }
            connection.commit();
            Latencies.Summary summary = commits.summary();
            return new DatabaseFloor(n / seconds, summary.p50(), summary.p99());
        }
    }
}
