package org.calldesk.pbxsim.pbx;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The simulated Asterisk's configuration: its manager.conf user, its dialplan, its trunk and
 * the default behaviour of phones and customers. Immutable.
 *
 * @param username manager.conf user name
 * @param secret that user's secret
 * @param readPermissions the user's {@code read} classes as a mask of {@link org.calldesk.pbxsim.ami.EventCategory}
 * @param writePermissions the user's {@code write} classes
 * @param authFailureDelay how long a refused Login waits before answering and closing (Asterisk: 1 s)
 * @param dialplan the extensions.conf text
 * @param inboundContext the context customers' calls enter
 * @param trunk the PJSIP endpoint name of the trunk, e.g. {@code trunk}
 * @param phoneBehaviour what an agent's phone does unless told otherwise
 * @param customerBehaviour what a customer does unless told otherwise
 * @param playbackMillis how long Playback of an announcement lasts
 * @param phones the agents' phones (PJSIP endpoints, e.g. {@code PJSIP/1001}), registered at start
 * @param timestampEvents whether events carry a {@code Timestamp} header (manager.conf {@code timestampevents})
 * @param managerDebug whether events carry a {@code SequenceNumber} header (manager.conf {@code debug = on})
 * @param eventFilter the user's manager.conf {@code eventfilter} lines
 */
public record PbxSettings(String username, String secret, int readPermissions, int writePermissions,
                          Duration authFailureDelay, String dialplan, String inboundContext, String trunk,
                          Behaviour phoneBehaviour, Behaviour customerBehaviour, long playbackMillis,
                          List<String> phones, boolean timestampEvents, boolean managerDebug,
                          org.calldesk.pbxsim.ami.EventFilter eventFilter) {

    public PbxSettings {
        Objects.requireNonNull(username, "username is required");
        Objects.requireNonNull(secret, "secret is required");
        Objects.requireNonNull(authFailureDelay, "authFailureDelay is required");
        Objects.requireNonNull(dialplan, "dialplan is required");
        Objects.requireNonNull(inboundContext, "inboundContext is required");
        Objects.requireNonNull(trunk, "trunk is required");
        Objects.requireNonNull(phoneBehaviour, "phoneBehaviour is required");
        Objects.requireNonNull(customerBehaviour, "customerBehaviour is required");
        Objects.requireNonNull(eventFilter, "eventFilter is required");
        phones = List.copyOf(phones);
    }
}
