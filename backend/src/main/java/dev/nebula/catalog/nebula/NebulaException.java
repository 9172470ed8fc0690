package dev.nebula.catalog.nebula;

/**
 * A failure talking to Nebula, already classified. {@code status} is Nebula's HTTP status (0 when no answer
 * arrived); {@code code} is Nebula's error code when its body had one, else our classification.
 */
public class NebulaException extends RuntimeException {

    public enum Kind {
        /** Nebula answered 4xx: the request (or the session) was not acceptable. Never retried. */
        REJECTED,
        /** Nebula answered 5xx or an unreadable body. */
        FAILED,
        /** No answer: connection refused or reset, or too slow. */
        UNREACHABLE
    }

    private final Kind kind;
    private final int status;
    private final String code;

    public NebulaException(Kind kind, int status, String code, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public boolean isRejected() {
        return kind == Kind.REJECTED;
    }

    /** Safe to try again: nothing reached Nebula's logic, or Nebula failed on its side. */
    public boolean isTransient() {
        return kind != Kind.REJECTED;
    }
}
