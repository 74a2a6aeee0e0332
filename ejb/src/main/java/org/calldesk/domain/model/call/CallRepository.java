package org.calldesk.domain.model.call;

import java.util.List;
import java.util.Optional;

/** Where calls are kept. */
public interface CallRepository {

    Optional<Call> find(String id);

    Optional<Call> findByPbxCallId(String pbxCallId);

    /** The most recent calls first. */
    List<Call> recent(int max);

    void store(Call call);
}
