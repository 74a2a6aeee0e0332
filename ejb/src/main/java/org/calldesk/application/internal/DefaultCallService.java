package org.calldesk.application.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.calldesk.application.CallService;
import org.calldesk.domain.model.call.Call;
import org.calldesk.domain.model.call.CallRepository;

@Stateless
public class DefaultCallService implements CallService {

    @Inject
    CallRepository calls;

    @Override
    public List<Call> recentCalls(int max) {
        return calls.recent(max);
    }

    @Override
    public Optional<Call> find(String id) {
        return calls.find(id);
    }
}
