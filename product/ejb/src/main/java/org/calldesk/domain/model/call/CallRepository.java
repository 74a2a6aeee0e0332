package org.calldesk.domain.model.call;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where calls are kept. */
public interface CallRepository {

    Optional<Call> find(String id);

    Optional<Call> findByPbxCallId(String pbxCallId);

    /** The most recent calls first. */
    List<Call> recent(int max);

    /** The calls of a service that have waited longest, longest first (FIFO per service). */
    List<Call> oldestWaiting(String serviceId, int max);

    /** The services that have calls waiting for an agent. */
    List<String> servicesWithWaitingCalls();

    /** Offered calls whose time to Confirm ran out at {@code now}. */
    List<Call> expiredOffers(Instant now, int max);

    void store(Call call);

    /**
     * Write the pending changes now. A concurrent change of the same call then fails here (its
     * version no longer matches), or this waits until the other transaction ends and fails
     * then; once this returns, the call is this transaction's until it ends. Call it before
     * anything that cannot be rolled back, such as a request to the PBX.
     */
    void claim();

    /**
     * Read the call again, waiting first for a transaction that changes it (and holding it for
     * this one): a PBX report about a request still being committed then sees what it did.
     */
    void refreshLocked(Call call);

    /** Calls not ended yet that started before {@code instant}, oldest first. */
    List<Call> activeStartedBefore(Instant instant, int max);
}
