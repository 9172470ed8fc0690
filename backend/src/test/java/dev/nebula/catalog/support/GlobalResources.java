package dev.nebula.catalog.support;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Registers the suite's external dependencies once, globally, so that the application boots a single time:
 * a real embedded PostgreSQL (further resources are added here as the product grows).
 */
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(JwtKeysResource.class)
public class GlobalResources {
}
