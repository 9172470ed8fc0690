package dev.nebula.sim.chaos;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What clients sent to {@code /api/**}: a bounded recent log with bodies, and unbounded per-route counters, so tests
 * can assert "the catalog created the model exactly once" even after the log has rolled over.
 */
public final class RequestLog {
    private static final int CAPACITY = 1000;
    private static final int MAX_BODY_CHARS = 16 * 1024;

    private final Deque<RecordedRequest> recent = new ArrayDeque<>();
    private final Map<String, Integer> counts = new TreeMap<>();
    private final List<String> createBodies = new ArrayList<>();

    public synchronized void record(String method, String path, String query, String body, int status) {
        String trimmed = body.length() > MAX_BODY_CHARS ? body.substring(0, MAX_BODY_CHARS) : body;
        recent.addLast(new RecordedRequest(System.currentTimeMillis(), method, path, query, trimmed, status));
        if (recent.size() > CAPACITY) {
            recent.removeFirst();
        }
        counts.merge(method + " " + path, 1, Integer::sum);
        if ("POST".equals(method) && "/api/v2/models".equals(path)) {
            createBodies.add(trimmed);
        }
    }

    public synchronized List<RecordedRequest> recent(String pathPrefix, int limit) {
        List<RecordedRequest> out = new ArrayList<>();
        for (RecordedRequest r : recent) {
            if (pathPrefix == null || r.path().startsWith(pathPrefix)) {
                out.add(r);
            }
        }
        return out.size() > limit ? out.subList(out.size() - limit, out.size()) : out;
    }

    public synchronized Map<String, Integer> counts() {
        return new TreeMap<>(counts);
    }

    public synchronized int createCalls() {
        return createBodies.size();
    }

    public synchronized List<String> createBodies() {
        return List.copyOf(createBodies);
    }

    public synchronized void clear() {
        recent.clear();
        counts.clear();
        createBodies.clear();
    }
}
