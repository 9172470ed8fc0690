package dev.nebula.sim.time;

/**
 * Simulated wall clock: real elapsed time times the time scale, plus explicit jumps. It never goes backwards, so
 * written timestamps stay monotonic even across a reset, and tests can make 5-minute timers fire instantly.
 */
public final class VirtualClock {
    private final long epochMs;
    private final long startNanos;
    private final double timeScale;
    private volatile long jumpedMs;

    public VirtualClock(double timeScale) {
        if (!(timeScale > 0)) {
            throw new IllegalArgumentException("time scale must be positive: " + timeScale);
        }
        this.epochMs = System.currentTimeMillis();
        this.startNanos = System.nanoTime();
        this.timeScale = timeScale;
    }

    public long nowMs() {
        long realElapsedMs = (System.nanoTime() - startNanos) / 1_000_000L;
        return epochMs + (long) (realElapsedMs * timeScale) + jumpedMs;
    }

    public void advance(long ms) {
        if (ms < 0) {
            throw new IllegalArgumentException("the virtual clock cannot go backwards");
        }
        jumpedMs += ms;
    }

    public double timeScale() {
        return timeScale;
    }
}
