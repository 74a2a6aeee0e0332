package org.calldesk.infrastructure.pbx;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.calldesk.application.RefusalCode;
import org.calldesk.application.RequestRefused;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class PbxTranslationTest {

    private static final Instant AT = Instant.parse("2026-12-07T10:15:30.123Z");
    private static final CallId CALL = new CallId("1732711111.7");
    private static final PbxCallId OUR_CALL = new PbxCallId("1732711111.7");
    private static final DeviceId ALICE = new DeviceId("PJSIP/1001");
    private static final DeviceId BOB = new DeviceId("PJSIP/1002");

    /** Every kind of the connector's call events, beside the report the application must make of it. */
    static Stream<Arguments> everyKindOfEvent() {
        return Stream.of(
                Arguments.of(new CallEvent.CallArrived(CALL, "01012345678", "15880001", AT),
                        new PbxReport.CallArrived(OUR_CALL, "01012345678", "15880001", AT)),
                Arguments.of(new CallEvent.CallRinging(CALL, "PJSIP/1001", AT),
                        new PbxReport.CallRinging(OUR_CALL, "PJSIP/1001", AT)),
                Arguments.of(new CallEvent.CallAnswered(CALL, ALICE, AT),
                        new PbxReport.CallAnswered(OUR_CALL, "PJSIP/1001", AT)),
                Arguments.of(new CallEvent.CallHeld(CALL, AT), new PbxReport.CallHeld(OUR_CALL, AT)),
                Arguments.of(new CallEvent.CallRetrieved(CALL, AT), new PbxReport.CallRetrieved(OUR_CALL, AT)),
                Arguments.of(new CallEvent.ConnectFailed(CALL, ALICE, EndCause.NO_ANSWER, AT),
                        new PbxReport.ConnectFailed(OUR_CALL, "PJSIP/1001", CallEndCause.NO_ANSWER, AT)),
                Arguments.of(new CallEvent.ConsultAnswered(CALL, BOB, AT),
                        new PbxReport.ConsultAnswered(OUR_CALL, "PJSIP/1002", AT)),
                Arguments.of(new CallEvent.ConsultFailed(CALL, BOB, EndCause.BUSY, AT),
                        new PbxReport.ConsultFailed(OUR_CALL, "PJSIP/1002", CallEndCause.BUSY, AT)),
                Arguments.of(new CallEvent.CallRequeued(CALL, AT), new PbxReport.CallRequeued(OUR_CALL, AT)),
                Arguments.of(new CallEvent.CallTransferred(CALL, ALICE, BOB, AT),
                        new PbxReport.CallTransferred(OUR_CALL, "PJSIP/1001", "PJSIP/1002", AT)),
                Arguments.of(new CallEvent.CallEnded(CALL, EndCause.CUSTOMER_HANGUP, AT),
                        new PbxReport.CallEnded(OUR_CALL, CallEndCause.CUSTOMER_HANGUP, AT)),
                Arguments.of(new CallEvent.DeviceStateChanged(ALICE, DeviceState.IN_USE, AT),
                        new PbxReport.DeviceStateChanged("PJSIP/1001", PhoneState.IN_USE, AT)),
                Arguments.of(new CallEvent.PbxConnectionLost("socket closed", AT),
                        new PbxReport.PbxConnectionLost("socket closed", AT)),
                Arguments.of(new CallEvent.PbxCallsListed(Set.of(CALL, new CallId("1732711111.9")), AT),
                        new PbxReport.PbxCallsListed(Set.of(OUR_CALL, new PbxCallId("1732711111.9")), AT)),
                Arguments.of(new CallEvent.PbxConnectionRestored(AT), new PbxReport.PbxConnectionRestored(AT)));
    }

    @ParameterizedTest
    @MethodSource("everyKindOfEvent")
    void eachCallEventBecomesTheReportOfTheSameFact(CallEvent event, PbxReport report) {
        assertThat(PbxTranslation.report(event)).isEqualTo(report);
        assertThat(report.callId().map(PbxCallId::value)).isEqualTo(event.callId().map(CallId::value));
    }

    @Test
    void everyKindOfCallEventAndOfReportIsTranslated() {
        List<Arguments> pairs = everyKindOfEvent().toList();
        assertThat(kinds(pairs.stream(), 0)).as("a new kind of call event needs a report")
                .isEqualTo(Set.of(CallEvent.class.getPermittedSubclasses()));
        Set<Class<?>> reports = Stream.concat(Stream.of(PbxReport.class.getPermittedSubclasses()),
                        Stream.of(PbxReport.OfCall.class.getPermittedSubclasses()))
                .filter(type -> type != PbxReport.OfCall.class)
                .collect(Collectors.toSet());
        assertThat(kinds(pairs.stream(), 1)).isEqualTo(reports);
    }

    /** The classes of the {@code index}th argument. */
    private static Set<Class<?>> kinds(Stream<Arguments> arguments, int index) {
        return arguments.<Class<?>>map(pair -> pair.get()[index].getClass()).collect(Collectors.toSet());
    }

    /** A call's end cause is stored by name: the application's causes are the connector's, name for name. */
    @ParameterizedTest
    @EnumSource(EndCause.class)
    void everyEndCauseKeepsItsName(EndCause cause) {
        assertThat(PbxTranslation.cause(cause).name()).isEqualTo(cause.name());
        assertThat(CallEndCause.values()).hasSameSizeAs(EndCause.values());
    }

    @ParameterizedTest
    @EnumSource(DeviceState.class)
    void everyDeviceStateIsAPhoneStateOfTheSameMeaning(DeviceState state) {
        PhoneState phone = PbxTranslation.phoneState(state);
        assertThat(phone.name()).isEqualTo(state.name());
        assertThat(phone.isAvailable()).isEqualTo(state.isAvailable());
    }

    static Stream<Arguments> everyKindOfPbxException() {
        return Stream.of(
                Arguments.of(new PbxException.PbxUnreachable("connection refused", null),
                        PbxRefusal.Reason.PBX_UNREACHABLE, RequestRefused.Kind.PBX_UNAVAILABLE, RefusalCode.PBX_DOWN),
                Arguments.of(new PbxException.DeviceUnavailable(ALICE, DeviceState.UNAVAILABLE),
                        PbxRefusal.Reason.PHONE_UNAVAILABLE, RequestRefused.Kind.CONFLICT, RefusalCode.PHONE_UNAVAILABLE),
                Arguments.of(new PbxException.UnknownCall(CALL),
                        PbxRefusal.Reason.UNKNOWN_CALL, RequestRefused.Kind.CONFLICT, RefusalCode.CALL_GONE),
                Arguments.of(new PbxException.ActionRefused("Originate", "no route"),
                        PbxRefusal.Reason.REFUSED, RequestRefused.Kind.PBX_REFUSED, RefusalCode.PBX_REFUSED));
    }

    @ParameterizedTest
    @MethodSource("everyKindOfPbxException")
    void eachPbxExceptionBecomesARefusalWithItsReasonAndThePbxsWords(PbxException failure, PbxRefusal.Reason reason,
                                                                      RequestRefused.Kind kind, RefusalCode code) {
        PbxRefusal refusal = PbxTranslation.refusal(failure);

        assertThat(refusal.reason()).isEqualTo(reason);
        assertThat(refusal.getMessage()).isEqualTo(failure.getMessage());
        assertThat(refusal.getCause()).isSameAs(failure);

        RequestRefused refused = RequestRefused.byPbx(refusal);
        assertThat(refused.kind()).isEqualTo(kind);
        assertThat(refused.code()).isEqualTo(code.name());
        assertThat(refused.getMessage()).isEqualTo(reason == PbxRefusal.Reason.PBX_UNREACHABLE
                ? "the PBX is not reachable: " + failure.getMessage() : failure.getMessage());
    }

    @Test
    void everyKindOfPbxExceptionHasAReason() {
        assertThat(kinds(everyKindOfPbxException(), 0)).isEqualTo(Set.of(PbxException.class.getPermittedSubclasses()));
        assertThat(everyKindOfPbxException().map(pair -> pair.get()[1]).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(PbxRefusal.Reason.values()));
    }

    @Test
    void aChannelKeepsItsCallPartPhoneAndTimes() {
        Instant arrival = Instant.parse("2026-12-07T10:15:00Z");
        PbxChannel leg = new PbxChannel("PJSIP/1001-00000003", CALL, PbxChannel.Part.AGENT_LEG, Optional.of(ALICE),
                "", "", Duration.ofSeconds(12), Optional.of(arrival));
        PbxChannel waiting = new PbxChannel("PJSIP/trunk-00000001", CALL, PbxChannel.Part.CALLER_WAITING,
                Optional.empty(), "0109", "15880001", Duration.ofSeconds(30), Optional.empty());

        assertThat(PbxTranslation.channel(leg)).isEqualTo(new ChannelOnPbx("PJSIP/1001-00000003", OUR_CALL,
                ChannelOnPbx.Part.AGENT_LEG, Optional.of("PJSIP/1001"), "", "", Duration.ofSeconds(12),
                Optional.of(arrival)));
        assertThat(PbxTranslation.channel(waiting)).isEqualTo(new ChannelOnPbx("PJSIP/trunk-00000001", OUR_CALL,
                ChannelOnPbx.Part.CALLER_WAITING, Optional.empty(), "0109", "15880001", Duration.ofSeconds(30),
                Optional.empty()));
    }

    @ParameterizedTest
    @EnumSource(PbxChannel.Part.class)
    void everyPartOfAChannelKeepsItsMeaning(PbxChannel.Part part) {
        assertThat(PbxTranslation.part(part).name()).isEqualTo(part.name());
    }

    @Test
    void theEventLinkSaysTheSame() {
        assertThat(PbxTranslation.eventLink(new PbxEventLink(false, "PBX down: connection refused", 3)))
                .isEqualTo(new EventLink(false, "PBX down: connection refused", 3));
    }
}
