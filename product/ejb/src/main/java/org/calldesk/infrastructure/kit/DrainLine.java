package org.calldesk.infrastructure.kit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Work waiting for the one thread that drains it, and whether that thread runs. Whoever adds work
 * learns whether it must start the drainer (none runs); the drainer takes work until the line is
 * empty, and the take that finds it empty also stops it, under the same lock as the adds: work
 * added after that take starts a new drainer, so none is left behind with no thread to take it.
 *
 * <p>One drainer at a time keeps the order of the work and spares the threads that would only
 * race each other for the same rows. A drainer that fails calls {@link #abandon()}: the work it
 * had not taken stays in line for the next one.
 *
 * @param <T> the work
 */
public final class DrainLine<T> {

    private final Collection<T> waiting;

    private boolean draining;

    private DrainLine(Collection<T> waiting) {
        this.waiting = waiting;
    }

    /** A line whose work leaves in the order it came, each piece as often as it was added. */
    public static <T> DrainLine<T> inOrder() {
        return new DrainLine<>(new ArrayDeque<>());
    }

    /** A line where work already waiting is not added again: it keeps its place. */
    public static <T> DrainLine<T> distinct() {
        return new DrainLine<>(new LinkedHashSet<>());
    }

    /** Adds one piece of work. @return whether the caller must start the drainer now (none runs) */
    public boolean add(T work) {
        return add(List.of(work));
    }

    /**
     * Adds work. @return whether the caller must start the drainer now: none runs and there is
     * work (adding nothing starts nothing)
     */
    public synchronized boolean add(Collection<? extends T> work) {
        waiting.addAll(work);
        if (draining || waiting.isEmpty()) {
            return false;
        }
        draining = true;
        return true;
    }

    /**
     * For the drainer: up to {@code max} pieces of work, oldest first, taken off the line; empty:
     * none is left and the drainer must stop (the next {@link #add} starts another).
     */
    public synchronized List<T> take(int max) {
        List<T> batch = new ArrayList<>(Math.min(max, waiting.size()));
        for (Iterator<T> oldest = waiting.iterator(); batch.size() < max && oldest.hasNext(); ) {
            batch.add(oldest.next());
            oldest.remove();
        }
        if (batch.isEmpty()) {
            draining = false;
        }
        return batch;
    }

    /** The drainer failed: the next {@link #add} starts another, which takes what is left. */
    public synchronized void abandon() {
        draining = false;
    }

    /** How much work waits (for diagnostics and tests). */
    public synchronized int size() {
        return waiting.size();
    }

    /** Whether this work waits (for diagnostics and tests). */
    public synchronized boolean contains(T work) {
        return waiting.contains(work);
    }
}
