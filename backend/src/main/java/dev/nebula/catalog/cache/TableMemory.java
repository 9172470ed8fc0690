package dev.nebula.catalog.cache;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.function.Consumer;

/**
 * A table small enough to mirror whole in memory (one row per model or per node and alert type), read from
 * PostgreSQL the first time it is needed and kept current by its owner's writes. Not a cache: nothing is evicted,
 * its size is the cluster's. A failed read is logged and tried again at the next need; meanwhile the owner answers
 * from what memory has. Blocking.
 */
public final class TableMemory {

    private final String what;
    private final String select;
    private volatile boolean loaded;

    /** @param what how the log names it; {@code select} the rows' query */
    public TableMemory(String what, String select) {
        this.what = what;
        this.select = select;
    }

    /** Hands every row to {@code row}, the first time only (until a read succeeds). */
    @SuppressWarnings("unchecked")
    public void loadOnce(EntityManager em, Consumer<Object[]> row) {
        if (loaded) {
            return;
        }
        synchronized (this) {
            if (loaded) {
                return;
            }
            try {
                List<Object[]> rows = QuarkusTransaction.requiringNew().call(() ->
                        em.createNativeQuery(select).getResultList());
                rows.forEach(row);
                loaded = true;
            } catch (RuntimeException e) {
                Log.warnf("could not read %s (%s); tried again when next needed", what, e.getMessage());
            }
        }
    }
}
