package org.calldesk.application.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.OptimisticLockException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.calldesk.application.RefusalCode;
import org.calldesk.application.RequestRefused;
import org.calldesk.application.pbx.PbxRefusal;
import org.calldesk.domain.model.call.CallRepository;
import org.junit.jupiter.api.Test;

class PbxAskTest {

    private final List<String> steps = new CopyOnWriteArrayList<>();
    private final FakePbx pbx = new FakePbx();

    /** A repository whose claim is recorded among the steps, or fails with {@code failure}. */
    private CallRepository calls(RuntimeException failure) {
        return (CallRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {CallRepository.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("claim")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    if (failure != null) {
                        throw failure;
                    }
                    steps.add("claim");
                    return null;
                });
    }

    @Test
    void theCallIsClaimedBeforeThePbxIsAsked() {
        PbxAsk.claimThenAsk(calls(null), pbx, gateway -> {
            steps.add("ask");
            gateway.hold("in.1");
        });

        assertThat(steps).containsExactly("claim", "ask");
        assertThat(pbx.requests()).containsExactly("hold in.1");
    }

    @Test
    void aRequestThatLosesTheClaimNeverReachesThePbx() {
        assertThatThrownBy(() -> PbxAsk.claimThenAsk(calls(new OptimisticLockException("changed meanwhile")), pbx,
                gateway -> gateway.hold("in.1"))).isInstanceOf(OptimisticLockException.class);

        assertThat(pbx.requests()).isEmpty();
    }

    @Test
    void aRefusalOfThePbxBecomesTheRequestsOwn() {
        pbx.failure = new PbxRefusal(PbxRefusal.Reason.UNKNOWN_CALL, "the PBX has no call in.1 (it may have ended)",
                null);

        assertThatThrownBy(() -> PbxAsk.claimThenAsk(calls(null), pbx, gateway -> gateway.hangup("in.1")))
                .isInstanceOfSatisfying(RequestRefused.class, refused -> {
                    assertThat(refused.refusal()).isEqualTo(RefusalCode.CALL_GONE);
                    assertThat(refused.kind()).isEqualTo(RequestRefused.Kind.CONFLICT);
                    assertThat(refused.getMessage()).isEqualTo("the PBX has no call in.1 (it may have ended)");
                });
        assertThat(steps).containsExactly("claim");
    }
}
