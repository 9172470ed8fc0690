package dev.nebula.catalog.inventory;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for the import feature's hub sizes: tests register a size for a uid they created. Replaces the
 * {@code @DefaultBean} for the whole (single) test application; unknown uids still get no size.
 */
@ApplicationScoped
public class TestExpectedSizes implements ExpectedSizes {

    static final Map<String, Long> SIZES = new ConcurrentHashMap<>();

    @Override
    public Optional<Long> expectedBytes(String modelUid, String modelName) {
        return Optional.ofNullable(SIZES.get(modelUid));
    }
}
