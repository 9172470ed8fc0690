package dev.nebula.sim.cluster;

import java.util.Random;

/**
 * Simulated-time constants (reference §11) plus the knobs that upstream leaves to the hardware. All in simulated
 * milliseconds; the time scale shrinks them in real time.
 *
 * @param placementMinMs      earliest scheduler reaction to a deployment write
 * @param placementMaxMs      latest scheduler reaction (Nebula: about 0-1 s)
 * @param progressTickMs      download-progress rewrite interval (3 s)
 * @param progressTtlMs       lease of a progress record after its last write (30 s)
 * @param scanIntervalMs      node cache/disk scan interval, also when GC requests are executed (60 s)
 * @param engineBootMs        time from "files ready" to the endpoint key appearing as starting
 * @param engineReadyMs       time from starting to ready (model load)
 * @param stopLingerMs        how long endpoint keys linger after a stop (state stopping)
 * @param downloadBytesPerSec default download speed per replica
 */
public record Timings(long placementMinMs, long placementMaxMs, long progressTickMs, long progressTtlMs,
                      long scanIntervalMs, long engineBootMs, long engineReadyMs, long stopLingerMs,
                      long downloadBytesPerSec) {

    public static final long DEFAULT_DOWNLOAD_BYTES_PER_SEC = 200_000_000L;

    public static Timings defaults(long downloadBytesPerSec) {
        return new Timings(200, 1000, 3_000, 30_000, 60_000, 2_000, 12_000, 5_000, downloadBytesPerSec);
    }

    long placementDelay(Random random) {
        return placementMinMs + (placementMaxMs > placementMinMs
                ? (long) (random.nextDouble() * (placementMaxMs - placementMinMs)) : 0);
    }
}
