package org.calldesk.infrastructure.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AfterCommitTest {

    private final FakeTransactions transactions = new FakeTransactions();
    private final AfterCommit afterCommit = new AfterCommit(transactions);
    private final List<String> done = new ArrayList<>();

    @Test
    void workWaitsForTheCommit() {
        transactions.begin();
        afterCommit.run(() -> done.add("route support"));
        assertThat(done).isEmpty();
        transactions.complete(Status.STATUS_COMMITTED);
        assertThat(done).containsExactly("route support");
    }

    @Test
    void aRollbackDropsTheWork() {
        transactions.begin();
        afterCommit.run(() -> done.add("route support"));
        afterCommit.collect("events", "call.waiting", batch -> done.addAll(batch));
        transactions.complete(Status.STATUS_ROLLEDBACK);
        assertThat(done).isEmpty();
    }

    @Test
    void withoutATransactionWorkRunsNow() {
        afterCommit.run(() -> done.add("route support"));
        assertThat(done).containsExactly("route support");
    }

    @Test
    void aTransactionsCollectedWorkGoesOnceAsOneBatchInOrder() {
        List<List<String>> batches = new ArrayList<>();
        transactions.begin();
        afterCommit.collect("events", "call.waiting", batches::add);
        afterCommit.collect("events", "call.offered", batches::add);
        afterCommit.collect("other", "x", batch -> done.addAll(batch));
        transactions.complete(Status.STATUS_COMMITTED);
        assertThat(batches).containsExactly(List.of("call.waiting", "call.offered"));
        assertThat(done).containsExactly("x");

        transactions.begin();
        afterCommit.collect("events", "call.ended", batches::add);
        transactions.complete(Status.STATUS_COMMITTED);
        assertThat(batches).containsExactly(List.of("call.waiting", "call.offered"), List.of("call.ended"));
    }

    @Test
    void collectingNeedsATransaction() {
        assertThatThrownBy(() -> afterCommit.collect("events", "call.waiting", batch -> { }))
                .isInstanceOf(IllegalStateException.class);
    }

    /** One transaction at a time, as a container's registry shows it to the thread in it. */
    private static final class FakeTransactions implements TransactionSynchronizationRegistry {

        private Object key;
        private final Map<Object, Object> resources = new HashMap<>();
        private final List<Synchronization> synchronizations = new ArrayList<>();

        void begin() {
            key = new Object();
        }

        void complete(int status) {
            synchronizations.forEach(Synchronization::beforeCompletion);
            key = null;
            resources.clear();
            List<Synchronization> registered = new ArrayList<>(synchronizations);
            synchronizations.clear();
            registered.forEach(synchronization -> synchronization.afterCompletion(status));
        }

        private void active() {
            if (key == null) {
                throw new IllegalStateException("no transaction");
            }
        }

        @Override
        public Object getTransactionKey() {
            return key;
        }

        @Override
        public void putResource(Object resourceKey, Object value) {
            active();
            resources.put(resourceKey, value);
        }

        @Override
        public Object getResource(Object resourceKey) {
            active();
            return resources.get(resourceKey);
        }

        @Override
        public void registerInterposedSynchronization(Synchronization synchronization) {
            active();
            synchronizations.add(synchronization);
        }

        @Override
        public int getTransactionStatus() {
            return key == null ? Status.STATUS_NO_TRANSACTION : Status.STATUS_ACTIVE;
        }

        @Override
        public void setRollbackOnly() {
            active();
        }

        @Override
        public boolean getRollbackOnly() {
            active();
            return false;
        }
    }
}
