package org.calldesk.infrastructure.messaging.jms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import org.calldesk.application.ContactCenterEvents;
import org.calldesk.domain.model.call.Call;
import org.calldesk.interfaces.json.ContactCenterJson;

/** Publishes the contact center's changes as JSON on the events topic. */
@ApplicationScoped
public class JmsContactCenterEvents implements ContactCenterEvents {

    @Inject
    JmsSender sender;

    Clock clock = Clock.systemUTC();

    @Override
    public void callChanged(Call call) {
        sender.toEventTopic(ContactCenterJson.callEvent(call, clock.instant()).toString(),
                Map.of("type", "call", "subjectId", call.id()));
    }
}
