package dev.nebula.catalog.nebula;

/**
 * Nebula gave no answer within the call's budget. Not repeated (a slow Nebula only gets slower with more calls, and a
 * write may still land), but it counts against the breaker like any outage.
 */
public class NebulaTimeout extends NebulaException {

    public NebulaTimeout(String message, Throwable cause) {
        super(Kind.UNREACHABLE, 0, "timeout", message, cause);
    }
}
