package dev.nebula.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nebula.sim.time.VirtualClock;
import org.junit.jupiter.api.Test;

/** CLI value parsing and the virtual clock's scaling. */
class CliAndClockTest {

    @Test
    void downloadSpeedAcceptsDecimalAndBinaryUnits() {
        assertEquals(200_000_000L, Main.parseBytes("200MB"));
        assertEquals(50L * 1024 * 1024, Main.parseBytes("50MiB"));
        assertEquals(1_500_000_000L, Main.parseBytes("1.5GB/s"));
        assertEquals(12345L, Main.parseBytes("12345"));
    }

    @Test
    void virtualClockRunsFasterByTheTimeScaleAndJumpsForward() throws InterruptedException {
        VirtualClock clock = new VirtualClock(1000);
        long start = clock.nowMs();
        Thread.sleep(20);
        assertTrue(clock.nowMs() - start >= 20_000, "20 ms real is at least 20 s simulated");
        long before = clock.nowMs();
        clock.advance(300_000);
        assertTrue(clock.nowMs() - before >= 300_000);
    }
}
