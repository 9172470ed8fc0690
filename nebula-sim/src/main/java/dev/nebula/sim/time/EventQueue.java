package dev.nebula.sim.time;

import java.util.PriorityQueue;

/**
 * Discrete-event queue driven lazily: nothing runs in the background; every request first replays the events that
 * are due by the virtual "now", in time order, each seeing its own timestamp. That keeps the simulation deterministic
 * and makes time jumps cheap.
 */
public final class EventQueue {
    /** An action that happens at a simulated instant. */
    @FunctionalInterface
    public interface Action {
        void run(long atMs);
    }

    private record Event(long atMs, long seq, Action action) {
    }

    private final PriorityQueue<Event> queue = new PriorityQueue<>((a, b) -> a.atMs != b.atMs
            ? Long.compare(a.atMs, b.atMs) : Long.compare(a.seq, b.seq));
    private long seq;

    public void at(long atMs, Action action) {
        queue.add(new Event(atMs, seq++, action));
    }

    /** Runs every event due at or before {@code nowMs}, including events those events schedule. */
    public void runUntil(long nowMs) {
        while (!queue.isEmpty() && queue.peek().atMs <= nowMs) {
            Event e = queue.poll();
            e.action.run(e.atMs);
        }
    }

    public int pending() {
        return queue.size();
    }

    public void clear() {
        queue.clear();
    }
}
