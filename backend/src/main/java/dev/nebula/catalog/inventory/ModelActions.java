package dev.nebula.catalog.inventory;

import java.util.List;

/**
 * Which lifecycle actions a row's state allows: the page offers them, and the lifecycle endpoints refuse the others.
 * Start is offered only where Nebula's start does what the user means: on a running model it restarts the engines.
 */
public final class ModelActions {

    public static final String START = "start";
    public static final String RETRY = "retry";
    public static final String STOP = "stop";
    public static final String CANCEL_DOWNLOAD = "cancel_download";

    private ModelActions() {
    }

    /** For a registered model's state (as block A reports it); cache-only rows have none. */
    public static List<String> allowed(String state) {
        if (state == null) {
            return List.of();
        }
        return switch (state) {
            case "stopped" -> List.of(START);
            case "failed" -> List.of(RETRY, STOP);
            case "downloading" -> List.of(CANCEL_DOWNLOAD);
            case "starting", "running", "degraded" -> List.of(STOP);
            default -> List.of(); // stopping, cached, removing, and states Nebula may add later
        };
    }

    /** What a start of a model in {@code state} is, or null when it may not be started. */
    public static String startAction(String state) {
        List<String> allowed = allowed(state);
        return allowed.contains(START) ? START : allowed.contains(RETRY) ? RETRY : null;
    }

    /** What a stop of a model in {@code state} is, or null when there is nothing to stop. */
    public static String stopAction(String state) {
        List<String> allowed = allowed(state);
        return allowed.contains(CANCEL_DOWNLOAD) ? CANCEL_DOWNLOAD : allowed.contains(STOP) ? STOP : null;
    }
}
