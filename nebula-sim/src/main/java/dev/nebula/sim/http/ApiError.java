package dev.nebula.sim.http;

/** Aborts a handler with a ready-made reply (any of the four error shapes). */
final class ApiError extends RuntimeException {
    private final transient Reply reply;

    ApiError(Reply reply) {
        super(null, null, false, false);
        this.reply = reply;
    }

    Reply reply() {
        return reply;
    }
}
