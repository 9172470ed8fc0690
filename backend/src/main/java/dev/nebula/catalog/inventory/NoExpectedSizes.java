package dev.nebula.catalog.inventory;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** Until imports record hub sizes, nothing knows a model's size in advance. */
@DefaultBean
@ApplicationScoped
public class NoExpectedSizes implements ExpectedSizes {

    @Override
    public Optional<Long> expectedBytes(String modelUid, String modelName) {
        return Optional.empty();
    }
}
