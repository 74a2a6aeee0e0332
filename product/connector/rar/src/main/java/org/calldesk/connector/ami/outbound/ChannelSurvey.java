package org.calldesk.connector.ami.outbound;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.asteriskjava.manager.EventTimeoutException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.calldesk.connector.ami.AmiClient;
import org.calldesk.connector.ami.AmiSettings;
import org.calldesk.connector.ami.mapping.AmiEventMapper;
import org.calldesk.connector.ami.mapping.CallRegistry;
import org.calldesk.connector.ami.mapping.ChannelAge;
import org.calldesk.connector.api.CallId;
import org.calldesk.connector.api.DeviceId;
import org.calldesk.connector.api.PbxChannel;
import org.calldesk.connector.api.PbxException;

/**
 * The PBX's channels in the contact center's terms ({@link PbxChannel}), for the application's
 * reconciler, and the hang-up of one channel it found astray. Over one pooled session; the
 * listing ({@code CoreShowChannels}) is the one the event session takes after each login.
 */
final class ChannelSurvey {

    private final ManagerConnection session;
    private final AmiSettings settings;

    ChannelSurvey(ManagerConnection session, AmiSettings settings) {
        this.session = Objects.requireNonNull(session, "session is required");
        this.settings = Objects.requireNonNull(settings, "settings is required");
    }

    List<PbxChannel> channels() throws PbxException {
        ResponseEvents listing;
        try {
            listing = session.sendEventGeneratingAction(new CoreShowChannelsAction(), settings.actionTimeout().toMillis());
        } catch (EventTimeoutException e) {
            throw new PbxException.PbxUnreachable("the PBX at " + settings.address() + " did not list its channels within "
                    + settings.actionTimeout().toMillis() + " ms", e);
        } catch (IOException | IllegalStateException e) {
            throw new PbxException.PbxUnreachable("no AMI session to list the channels of the PBX at "
                    + settings.address() + ": " + AmiClient.describe(e), e);
        }
        ManagerResponse response = listing.getResponse();
        if (response instanceof ManagerError) {
            throw new PbxException.ActionRefused("CoreShowChannels", String.valueOf(response.getMessage()));
        }
        List<PbxChannel> channels = new ArrayList<>();
        for (ResponseEvent event : listing.getEvents()) {
            if (event instanceof CoreShowChannelEvent channel) {
                toChannel(channel).ifPresent(channels::add);
            }
        }
        return channels;
    }

    void hangup(String channelName) throws PbxException {
        Objects.requireNonNull(channelName, "channelName is required");
        ManagerResponse response;
        try {
            response = session.sendAction(new HangupAction(channelName), settings.actionTimeout().toMillis());
        } catch (TimeoutException | IOException | IllegalStateException e) {
            throw new PbxException.PbxUnreachable("the PBX at " + settings.address() + " did not hang up " + channelName
                    + ": " + AmiClient.describe(e), e);
        }
        if (response instanceof ManagerError && (response.getMessage() == null
                || !response.getMessage().toLowerCase(java.util.Locale.ROOT).contains("no such channel"))) {
            throw new PbxException.ActionRefused("Hangup", String.valueOf(response.getMessage()));
        }
    }

    private Optional<PbxChannel> toChannel(CoreShowChannelEvent channel) {
        String uniqueId = blankToNull(channel.getUniqueid());
        String name = blankToNull(channel.getChannel());
        if (uniqueId == null || name == null) {
            return Optional.empty();
        }
        Optional<CallRegistry.PlacedLeg> placed = CallRegistry.placedLeg(uniqueId);
        String linkedId = blankToNull(channel.getLinkedid());
        CallId call = placed.map(CallRegistry.PlacedLeg::call).orElseGet(() -> new CallId(linkedId != null ? linkedId : uniqueId));
        PbxChannel.Part part = placed.isPresent() ? PbxChannel.Part.AGENT_LEG
                : settings.contexts().inbound().equals(channel.getContext()) ? PbxChannel.Part.CALLER_WAITING
                : PbxChannel.Part.OTHER;
        Optional<DeviceId> device = placed.isPresent() ? Optional.ofNullable(AmiEventMapper.deviceOf(name)) : Optional.empty();
        String exten = blankToNull(channel.getExten());
        return Optional.of(new PbxChannel(name, call, part, device, number(channel.getCallerIdNum()),
                exten != null ? exten : "", age(channel.getDuration()),
                ChannelAge.of(uniqueId).map(ChannelAge::arrival)));
    }

    /** Asterisk's {@code Duration} header, {@code HH:MM:SS}; zero when absent or unreadable. */
    static Duration age(String duration) {
        if (duration == null) {
            return Duration.ZERO;
        }
        String[] parts = duration.trim().split(":");
        try {
            long seconds = 0;
            for (String part : parts) {
                seconds = seconds * 60 + Long.parseLong(part);
            }
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }

    private static String number(String callerIdNum) {
        String number = blankToNull(callerIdNum);
        return number == null || "<unknown>".equalsIgnoreCase(number) ? "" : number;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() || "<null>".equals(value) ? null : value.trim();
    }
}
