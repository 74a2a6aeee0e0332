package org.calldesk.application.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.calldesk.application.CallService;
import org.calldesk.application.view.CallView;
import org.calldesk.domain.model.call.CallRepository;

@Stateless
public class DefaultCallService implements CallService {

    @Inject
    CallRepository calls;

    @Override
    public List<CallView> recentCalls(int max) {
        return calls.recent(max).stream().map(CallView::of).toList();
    }

    @Override
    public Optional<CallView> find(String id) {
        return calls.find(id).map(CallView::of);
    }
}
