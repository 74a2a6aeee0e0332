package org.calldesk.application;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.RollbackException;
import org.calldesk.domain.shared.TransitionRefused;
import org.junit.jupiter.api.Test;

class FailureTest {

    private final RequestRefused refusal = new RequestRefused(RequestRefused.Kind.CONFLICT, RefusalCode.CALL_GONE, "the call ended");

    @Test
    void aRefusalAnywhereInTheCausesIsRefused() {
        Failure failure = Failure.of(new EJBException(new IllegalStateException(refusal)));
        assertThat(failure).isEqualTo(new Failure.Refused(refusal));
    }

    @Test
    void aRefusalWinsOverTheConflictItWasMadeOf() {
        RequestRefused ofConflict = Failure.refusalOf(new OptimisticLockException("v2")).orElseThrow();
        assertThat(Failure.of(new EJBException(ofConflict))).isEqualTo(new Failure.Refused(ofConflict));
    }

    @Test
    void aVersionConflictOrARollbackAtCommitIsAConcurrentChange() {
        EJBException atFlush = new EJBException(new OptimisticLockException("v2"));
        EJBException atCommit = new EJBException(new RollbackException("commit failed"));
        assertThat(Failure.of(atFlush)).isInstanceOf(Failure.ConcurrentChange.class);
        assertThat(Failure.of(atCommit)).isInstanceOf(Failure.ConcurrentChange.class);
        RequestRefused asRefusal = ((Failure.ConcurrentChange) Failure.of(atFlush)).refusal();
        assertThat(asRefusal.kind()).isEqualTo(RequestRefused.Kind.CONFLICT);
        assertThat(asRefusal.code()).isEqualTo("CONCURRENT_CHANGE");
        assertThat(asRefusal.getMessage()).isEqualTo("changed by someone else at the same time; try again");
    }

    @Test
    void anythingElseIsUnexpected() {
        EJBException broken = new EJBException(new NullPointerException());
        assertThat(Failure.of(broken)).isEqualTo(new Failure.Unexpected(broken));
    }

    @Test
    void theDomainsOwnExceptionsAreTheRefusalsTheyMean() {
        RequestRefused transition = Failure.refusalOf(new TransitionRefused("ALREADY_LOGGED_IN", "already signed in"))
                .orElseThrow();
        assertThat(transition.kind()).isEqualTo(RequestRefused.Kind.CONFLICT);
        assertThat(transition.code()).isEqualTo("ALREADY_LOGGED_IN");
        assertThat(transition.getMessage()).isEqualTo("already signed in");

        RequestRefused badValue = Failure.refusalOf(new IllegalArgumentException("no such number")).orElseThrow();
        assertThat(badValue.kind()).isEqualTo(RequestRefused.Kind.BAD_INPUT);
        assertThat(badValue.code()).isEqualTo("BAD_INPUT");

        assertThat(Failure.refusalOf(new OptimisticLockException()).orElseThrow().code()).isEqualTo("CONCURRENT_CHANGE");
    }

    @Test
    void onlyTheThrownExceptionItselfIsReadForTheDomainsRefusals() {
        assertThat(Failure.refusalOf(new IllegalStateException("bug"))).isEmpty();
        assertThat(Failure.refusalOf(new RuntimeException(new IllegalArgumentException("wrapped")))).isEmpty();
    }
}
