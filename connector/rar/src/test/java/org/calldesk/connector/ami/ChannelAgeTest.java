package org.calldesk.connector.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The arrival a channel's unique id tells, which places callers adopted from a listing in the queue. */
class ChannelAgeTest {

    private static ChannelAge age(String uniqueId) {
        return ChannelAge.of(uniqueId).orElseThrow();
    }

    @Test
    void aCallerAdoptedFromTheListingComesAfterOneOfTheSameSecondRecordedLive() {
        // recorded live at 14:22:05.300; the next caller's report was lost with the node, and the
        // listing after its restart says only that it came in second 14:22:05
        Instant recordedLive = Instant.parse("2026-12-07T14:22:05.300Z");
        Instant adopted = age("1796653325.190").arrival();

        assertThat(adopted).isAfter(recordedLive).isBefore(Instant.parse("2026-12-07T14:22:06Z"));
    }

    @Test
    void arrivalsFollowTheOrderTheChannelsWereCreatedIn() {
        assertThat(age("1796653325.190").arrival()).isBefore(age("1796653325.191").arrival());
        assertThat(age("1796653325.999").arrival()).isBefore(age("1796653326.3").arrival());
        assertThat(age("calldesk-a-x-1796653325.190").arrival()).isEqualTo(age("1796653325.190").arrival());
    }

    @Test
    void aChannelListedInItsOwnSecondArrivesNoLaterThanTheListing() {
        Instant listedAt = Instant.parse("2026-12-07T14:22:05.400Z");

        assertThat(age("1796653325.190").arrivalListedAt(listedAt)).isEqualTo(listedAt);
        assertThat(age("1796653324.180").arrivalListedAt(listedAt)).isEqualTo(age("1796653324.180").arrival())
                .isBefore(listedAt);
    }
}
