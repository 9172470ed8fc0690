package dev.nebula.sim.cluster;

/** A v2 handler error ({@code {"error":{"code","message","request_id"}}}), raised by model commands. */
public final class Problem extends RuntimeException {
    private final int status;
    private final String code;

    public Problem(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    static Problem modelNotFound() {
        return new Problem(404, "not_found", "model not found");
    }
}
