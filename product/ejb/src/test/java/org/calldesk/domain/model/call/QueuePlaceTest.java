package org.calldesk.domain.model.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class QueuePlaceTest {

    private static final Instant SECOND = Instant.parse("2026-12-07T14:00:00Z");

    @Test
    void aCallerLearnedFromTheListingIsPlacedByThePbxsSequenceAgainstOneHeardLive() {
        // heard live at .800 but created by the PBX after the one adopted from a listing (known to the second)
        long live = QueuePlace.of(SECOND.getEpochSecond() + ".41", SECOND.plusMillis(800));
        long adoptedEarlier = QueuePlace.of(SECOND.getEpochSecond() + ".40", SECOND);
        long adoptedLater = QueuePlace.of(SECOND.getEpochSecond() + ".42", SECOND);
        assertThat(adoptedEarlier).isLessThan(live);
        assertThat(live).isLessThan(adoptedLater);
    }

    @Test
    void aLaterSecondComesAfterWhateverTheSequence() {
        // the sequence starts again when the PBX restarts; its second does not
        assertThat(QueuePlace.of(SECOND.getEpochSecond() + ".9000", SECOND))
                .isLessThan(QueuePlace.of((SECOND.getEpochSecond() + 1) + ".3", SECOND.plusSeconds(1)));
    }

    @Test
    void aSystemNameBeforeTheIdIsRead() {
        assertThat(QueuePlace.of("pbx-eu-" + SECOND.getEpochSecond() + ".7", SECOND.plusMillis(999)))
                .isEqualTo(SECOND.getEpochSecond() * 1_000_000_000L + 7);
    }

    @Test
    void idsNotOfThePbxsFormAreOrderedByTheirTime() {
        assertThat(QueuePlace.of("in.1", SECOND.plusMillis(300))).isLessThan(QueuePlace.of("in.0", SECOND.plusMillis(301)));
        assertThat(QueuePlace.of("pbx-12", SECOND)).isEqualTo(SECOND.getEpochSecond() * 1_000_000_000L);
        assertThat(QueuePlace.of("1.x", SECOND.plusNanos(5))).isEqualTo(SECOND.getEpochSecond() * 1_000_000_000L + 5);
    }

    @Test
    void aSecondFarFromTheTimeGivenIsNotTakenForThePbxs() {
        // "100.1" is not a channel created in 1970 by a PBX whose clock agrees with ours
        assertThat(QueuePlace.of("100.1", SECOND.plusMillis(2))).isEqualTo(SECOND.getEpochSecond() * 1_000_000_000L + 2_000_000);
    }
}
