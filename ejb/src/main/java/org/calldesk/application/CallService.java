package org.calldesk.application;

import java.util.List;
import java.util.Optional;
import org.calldesk.domain.model.call.Call;

/** Reading calls. */
public interface CallService {

    List<Call> recentCalls(int max);

    Optional<Call> find(String id);
}
