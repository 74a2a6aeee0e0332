package org.calldesk.interfaces.web.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.faces.event.WebsocketEvent;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.Map;

/**
 * Tells a console that its push connection is (again) open. The Faces client reconnects by
 * itself after a lost connection without telling the page; this message is how the page learns
 * that it is live again, hides its "reconnecting" notice and reads the state it may have missed.
 */
@ApplicationScoped
public class ConnectionGreeting {

    @Inject
    @Push(channel = ConsolePush.CONSOLE_CHANNEL)
    PushContext console;

    void opened(@Observes @WebsocketEvent.Opened WebsocketEvent event) {
        Serializable user = event.getUser();
        if (ConsolePush.CONSOLE_CHANNEL.equals(event.getChannel()) && user != null) {
            console.send(Map.of("type", "connected"), user);
        }
    }
}
