package org.calldesk.infrastructure.pbx;

import java.util.stream.Collectors;
import org.calldesk.application.pbx.CallEndCause;
import org.calldesk.application.pbx.ChannelOnPbx;
import org.calldesk.application.pbx.EventLink;
import org.calldesk.application.pbx.PbxCallId;
import org.calldesk.application.pbx.PbxRefusal;
import org.calldesk.application.pbx.PbxReport;
import org.calldesk.application.pbx.PhoneState;
import org.calldesk.connector.api.CallEvent;
import org.calldesk.connector.api.CallId;
import org.calldesk.connector.api.DeviceId;
import org.calldesk.connector.api.DeviceState;
import org.calldesk.connector.api.EndCause;
import org.calldesk.connector.api.PbxChannel;
import org.calldesk.connector.api.PbxEventLink;
import org.calldesk.connector.api.PbxException;

/**
 * The one place where the PBX connector's types become the application's ({@code
 * application.pbx}): its call events become reports, its exceptions refusals, its channels,
 * device states and event link the application's own. Past this class nothing sees the connector.
 */
public final class PbxTranslation {

    private PbxTranslation() {
    }

    /** What the application makes of a call event of the connector. */
    public static PbxReport report(CallEvent event) {
        if (event instanceof CallEvent.CallArrived e) {
            return new PbxReport.CallArrived(call(e.call()), e.callerNumber(), e.dialledNumber(), e.at());
        } else if (event instanceof CallEvent.CallRinging e) {
            return new PbxReport.CallRinging(call(e.call()), e.party(), e.at());
        } else if (event instanceof CallEvent.CallAnswered e) {
            return new PbxReport.CallAnswered(call(e.call()), e.agentDevice().value(), e.at());
        } else if (event instanceof CallEvent.CallHeld e) {
            return new PbxReport.CallHeld(call(e.call()), e.at());
        } else if (event instanceof CallEvent.CallRetrieved e) {
            return new PbxReport.CallRetrieved(call(e.call()), e.at());
        } else if (event instanceof CallEvent.ConnectFailed e) {
            return new PbxReport.ConnectFailed(call(e.call()), e.agentDevice().value(), cause(e.cause()), e.at());
        } else if (event instanceof CallEvent.ConsultAnswered e) {
            return new PbxReport.ConsultAnswered(call(e.call()), e.target().value(), e.at());
        } else if (event instanceof CallEvent.ConsultFailed e) {
            return new PbxReport.ConsultFailed(call(e.call()), e.target().value(), cause(e.cause()), e.at());
        } else if (event instanceof CallEvent.CallRequeued e) {
            return new PbxReport.CallRequeued(call(e.call()), e.at());
        } else if (event instanceof CallEvent.CallTransferred e) {
            return new PbxReport.CallTransferred(call(e.call()), e.from().value(), e.to().value(), e.at());
        } else if (event instanceof CallEvent.CallEnded e) {
            return new PbxReport.CallEnded(call(e.call()), cause(e.cause()), e.at());
        } else if (event instanceof CallEvent.DeviceStateChanged e) {
            return new PbxReport.DeviceStateChanged(e.device().value(), phoneState(e.state()), e.at());
        } else if (event instanceof CallEvent.PbxConnectionLost e) {
            return new PbxReport.PbxConnectionLost(e.reason(), e.at());
        } else if (event instanceof CallEvent.PbxCallsListed e) {
            return new PbxReport.PbxCallsListed(
                    e.calls().stream().map(PbxTranslation::call).collect(Collectors.toSet()), e.at());
        } else if (event instanceof CallEvent.PbxConnectionRestored e) {
            return new PbxReport.PbxConnectionRestored(e.at());
        }
        throw new IllegalArgumentException("a call event this version does not know: " + event);
    }

    /** Why the PBX did not carry a request out, in the application's words; the PBX's text is the message. */
    public static PbxRefusal refusal(PbxException e) {
        PbxRefusal.Reason reason;
        if (e instanceof PbxException.PbxUnreachable) {
            reason = PbxRefusal.Reason.PBX_UNREACHABLE;
        } else if (e instanceof PbxException.DeviceUnavailable) {
            reason = PbxRefusal.Reason.PHONE_UNAVAILABLE;
        } else if (e instanceof PbxException.UnknownCall) {
            reason = PbxRefusal.Reason.UNKNOWN_CALL;
        } else {
            reason = PbxRefusal.Reason.REFUSED;
        }
        return new PbxRefusal(reason, e.getMessage(), e);
    }

    public static ChannelOnPbx channel(PbxChannel channel) {
        return new ChannelOnPbx(channel.name(), call(channel.call()), part(channel.part()),
                channel.device().map(DeviceId::value), channel.callerNumber(), channel.dialled(), channel.age(),
                channel.arrival());
    }

    public static PhoneState phoneState(DeviceState state) {
        return PhoneState.valueOf(state.name());
    }

    public static EventLink eventLink(PbxEventLink link) {
        return new EventLink(link.up(), link.detail(), link.waiting());
    }

    static CallEndCause cause(EndCause cause) {
        return CallEndCause.valueOf(cause.name());
    }

    static ChannelOnPbx.Part part(PbxChannel.Part part) {
        return ChannelOnPbx.Part.valueOf(part.name());
    }

    static PbxCallId call(CallId id) {
        return new PbxCallId(id.value());
    }

    /** The connector's id of a call the application names by the PBX's id. */
    static CallId callId(String pbxCallId) {
        return new CallId(pbxCallId);
    }

    /** The connector's id of a phone the application names by the PBX's name of it. */
    static DeviceId device(String device) {
        return new DeviceId(device);
    }
}
