package dev.nebula.catalog.imports;

import dev.nebula.catalog.inventory.ExpectedSizes;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The hub size recorded at import time is the true total of a download: Nebula's progress records have none.
 * Block A asks for it on every refresh, possibly from the event loop, so answers come from memory; the map is
 * reloaded from the database in the background every few seconds and updated at once when an import succeeds.
 */
@ApplicationScoped
public class ImportedSizes implements ExpectedSizes {

    private static final long RELOAD_NANOS = 5_000_000_000L;

    private volatile Map<String, Long> sizes = Map.of();
    private volatile long loadedAt;
    private final AtomicBoolean loading = new AtomicBoolean();

    @Override
    public Optional<Long> expectedBytes(String modelUid, String modelName) {
        if (System.nanoTime() - loadedAt > RELOAD_NANOS) {
            reloadInBackground();
        }
        return Optional.ofNullable(modelUid == null ? null : sizes.get(modelUid));
    }

    /** Called when an import has created its model, so the very next refresh shows the real total. */
    void remember(String modelUid, Long expectedBytes) {
        if (modelUid != null && expectedBytes != null) {
            Map<String, Long> next = new HashMap<>(sizes);
            next.put(modelUid, expectedBytes);
            sizes = Map.copyOf(next);
        }
    }

    /** Loads synchronously, for callers on a worker thread that need current sizes now. */
    public void reload() {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> ImportRecord.getEntityManager()
                .createQuery("select r.modelUid, r.expectedBytes from ImportRecord r "
                        + "where r.status = 'created' and r.expectedBytes is not null order by r.createdAt", Object[].class)
                .getResultList());
        Map<String, Long> next = new HashMap<>();
        rows.forEach(r -> next.put((String) r[0], (Long) r[1]));
        sizes = Map.copyOf(next);
        loadedAt = System.nanoTime();
    }

    private void reloadInBackground() {
        if (loading.compareAndSet(false, true)) {
            Infrastructure.getDefaultWorkerPool().execute(() -> {
                try {
                    reload();
                } finally {
                    loading.set(false);
                }
            });
        }
    }
}
