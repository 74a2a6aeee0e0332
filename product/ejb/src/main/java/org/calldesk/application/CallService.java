package org.calldesk.application;

import java.util.List;
import java.util.Optional;
import org.calldesk.application.view.CallView;

/** Reading calls. */
public interface CallService {

    List<CallView> recentCalls(int max);

    Optional<CallView> find(String id);
}
