package org.calldesk.interfaces.web.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.faces.event.WebsocketEvent;
import java.io.Serializable;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The push connections open on this application node: per channel, and on the console channel
 * per signed-in user. {@link ConsolePush} asks it first, so an event that no open console shows
 * is not even read (every change of every call and agent reaches every node's push).
 */
@ApplicationScoped
public class OpenConsoles {

    private final ConcurrentMap<String, AtomicInteger> perChannel = new ConcurrentHashMap<>();
    private final ConcurrentMap<Serializable, AtomicInteger> perConsoleUser = new ConcurrentHashMap<>();

    void opened(@Observes @WebsocketEvent.Opened WebsocketEvent event) {
        opened(event.getChannel(), event.getUser());
    }

    void closed(@Observes @WebsocketEvent.Closed WebsocketEvent event) {
        closed(event.getChannel(), event.getUser());
    }

    void opened(String channel, Serializable user) {
        perChannel.computeIfAbsent(channel, c -> new AtomicInteger()).incrementAndGet();
        if (ConsolePush.CONSOLE_CHANNEL.equals(channel) && user != null) {
            perConsoleUser.computeIfAbsent(user, u -> new AtomicInteger()).incrementAndGet();
        }
    }

    void closed(String channel, Serializable user) {
        decrement(perChannel, channel);
        if (ConsolePush.CONSOLE_CHANNEL.equals(channel) && user != null) {
            decrement(perConsoleUser, user);
        }
    }

    /** Whether any push connection is open on this node. */
    public boolean any() {
        return perChannel.values().stream().anyMatch(count -> count.get() > 0);
    }

    /** Whether a connection of the channel is open on this node. */
    public boolean anyOn(String channel) {
        AtomicInteger count = perChannel.get(channel);
        return count != null && count.get() > 0;
    }

    /** Those of the users with a console open on this node. */
    public Set<String> withConsoleOpen(Collection<String> users) {
        Set<String> open = new LinkedHashSet<>();
        for (String user : users) {
            AtomicInteger count = perConsoleUser.get(user);
            if (count != null && count.get() > 0) {
                open.add(user);
            }
        }
        return open;
    }

    /** Counts down; a count that reaches zero is removed, unless a connection opened meanwhile. */
    private static <K> void decrement(ConcurrentMap<K, AtomicInteger> counts, K key) {
        counts.computeIfPresent(key, (k, count) -> count.decrementAndGet() <= 0 ? null : count);
    }
}
