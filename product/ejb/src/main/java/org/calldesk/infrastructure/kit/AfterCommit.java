package org.calldesk.infrastructure.kit;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Work that must wait until the caller's transaction has committed, and must not happen if it
 * rolls back: starting the routing thread, the CRM lookup, the relay of the outbox. The one way
 * the application hands work past its commit, through the transaction's synchronization
 * registry.
 *
 * <p>The work runs while the transaction completes, on the thread that committed it: it should
 * only hand over to another thread (an asynchronous business method). A synchronous business
 * method called there makes the container resume the completed transaction afterwards, which
 * fails.
 */
@ApplicationScoped
public class AfterCommit {

    @Resource
    TransactionSynchronizationRegistry transactions;

    public AfterCommit() {
    }

    /** For tests: the registry of the transactions. */
    public AfterCommit(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    /**
     * Runs the action once the caller's transaction has committed, never if it rolls back; now
     * if the caller has no transaction (as an observer of a CDI event after success would).
     */
    public void run(Runnable action) {
        Objects.requireNonNull(action, "action is required");
        if (transactions.getTransactionKey() == null) {
            action.run();
            return;
        }
        onCommit(action);
    }

    /**
     * Adds work to the caller's transaction's batch under {@code key}; once it has committed, the
     * whole batch, in the order added, goes to {@code committed} (the one given first for that
     * key). The caller's transaction must be active.
     *
     * @throws IllegalStateException if the caller has no transaction
     */
    public <T> void collect(Object key, T work, Consumer<List<T>> committed) {
        @SuppressWarnings("unchecked")
        List<T> batch = (List<T>) transactions.getResource(key);
        if (batch == null) {
            List<T> created = new ArrayList<>();
            transactions.putResource(key, created);
            onCommit(() -> committed.accept(created));
            batch = created;
        }
        batch.add(work);
    }

    private void onCommit(Runnable action) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before: only a commit lets the work go
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
