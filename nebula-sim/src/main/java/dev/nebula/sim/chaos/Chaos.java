package dev.nebula.sim.chaos;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Fault injection for {@code /api/**}: added latency, random 500s and outages. Volatile: read on every request. */
public final class Chaos {
    private volatile long latencyMs;
    private volatile long jitterMs;
    private volatile double errorRate;
    private volatile OutageMode outage = OutageMode.NONE;
    private volatile WriteAnswer writeAnswer = WriteAnswer.NORMAL;
    private volatile long writeAnswerDelayMs = 10_000;

    public void setLatency(long fixedMs, long jitter) {
        if (fixedMs < 0 || jitter < 0) {
            throw new IllegalArgumentException("latency and jitter must be >= 0");
        }
        this.latencyMs = fixedMs;
        this.jitterMs = jitter;
    }

    public void setErrorRate(double p) {
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("error_rate must be within [0, 1]");
        }
        this.errorRate = p;
    }

    public void setOutage(OutageMode mode) {
        this.outage = mode;
    }

    /** How answers to applied writes are sent; {@code delayMs} is used by {@link WriteAnswer#DELAY}. */
    public void setWriteAnswer(WriteAnswer mode, long delayMs) {
        if (delayMs < 0) {
            throw new IllegalArgumentException("write_answer_delay_ms must be >= 0");
        }
        this.writeAnswer = mode;
        this.writeAnswerDelayMs = delayMs;
    }

    public WriteAnswer writeAnswer() {
        return writeAnswer;
    }

    public long writeAnswerDelayMs() {
        return writeAnswerDelayMs;
    }

    public void off() {
        latencyMs = 0;
        jitterMs = 0;
        errorRate = 0;
        outage = OutageMode.NONE;
        writeAnswer = WriteAnswer.NORMAL;
    }

    public OutageMode outage() {
        return outage;
    }

    /** Delay for this request: the fixed part plus uniform jitter in [0, jitter]. */
    public long nextDelayMs() {
        long jitter = jitterMs;
        return latencyMs + (jitter > 0 ? ThreadLocalRandom.current().nextLong(jitter + 1) : 0);
    }

    public boolean nextIsError() {
        double p = errorRate;
        return p > 0 && ThreadLocalRandom.current().nextDouble() < p;
    }

    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("latency_ms", latencyMs);
        m.put("jitter_ms", jitterMs);
        m.put("error_rate", errorRate);
        m.put("outage", outage.wire());
        m.put("write_answer", writeAnswer.wire());
        m.put("write_answer_delay_ms", writeAnswerDelayMs);
        return m;
    }
}
