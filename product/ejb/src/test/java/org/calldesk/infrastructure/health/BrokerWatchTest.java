package org.calldesk.infrastructure.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BrokerWatchTest {

    private final Logger logger = Logger.getLogger(BrokerWatch.class.getName());
    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Deque<CheckResult> answers = new ArrayDeque<>();
    private final BrokerWatch watch = new BrokerWatch(answers::removeFirst);

    @BeforeEach
    void listen() {
        logger.addHandler(handler);
    }

    @AfterEach
    void stop() {
        logger.removeHandler(handler);
    }

    private static CheckResult down() {
        return CheckResult.named("broker").down().with("error", "cannot reach the message broker: Connection refused")
                .with("fix", SettingsToFix.BROKER);
    }

    @Test
    void anUnreachableBrokerIsLoggedOnceInPlainWordsWithTheSettingsToFixAndItsReturnOnce() {
        answers.add(down());
        answers.add(down());
        answers.add(down());
        answers.add(CheckResult.named("broker").up());
        answers.add(CheckResult.named("broker").up());

        for (int i = 0; i < 5; i++) {
            watch.look();
        }

        assertThat(logged).hasSize(2);
        assertThat(logged.get(0).getLevel()).isEqualTo(Level.SEVERE);
        assertThat(logged.get(0).getMessage())
                .contains("the message broker cannot be reached (cannot reach the message broker: Connection refused)")
                .contains("none is dropped")
                .contains("ConnectionParameters")
                .contains("default_JMS_host").contains("messaging-activemq");
        assertThat(logged.get(1).getLevel()).isEqualTo(Level.INFO);
        assertThat(logged.get(1).getMessage()).contains("answers again");
    }

    @Test
    void oneSlowProbeIsNoAlarm() {
        answers.add(down());
        answers.add(CheckResult.named("broker").up());
        answers.add(down());
        answers.add(CheckResult.named("broker").up());

        for (int i = 0; i < 4; i++) {
            watch.look();
        }

        assertThat(logged).isEmpty();
    }

    @Test
    void aBrokerThatAnswersFromTheStartIsNotLogged() {
        answers.add(CheckResult.named("broker").up());
        answers.add(CheckResult.named("broker").up());

        watch.look();
        watch.look();

        assertThat(logged).isEmpty();
    }
}
