package dev.nebula.catalog.nebula;

/** Nebula answered 4xx. It says something about the request, not about Nebula's health, so breakers ignore it. */
public class NebulaRejection extends NebulaException {

    public NebulaRejection(int status, String code, String message) {
        super(Kind.REJECTED, status, code, message, null);
    }

    /** Nebula no longer accepts the session token (expired, logged out or user deactivated). */
    public boolean sessionInvalid() {
        return status() == 401;
    }
}
