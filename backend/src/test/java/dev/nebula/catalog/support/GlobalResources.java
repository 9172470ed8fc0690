package dev.nebula.catalog.support;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Registers the suite's external dependencies once, globally, so that the application boots a single time:
 * a real embedded PostgreSQL, signing keys, and WireMock standing in for both model hubs
 * (further resources are added here as the product grows).
 */
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(JwtKeysResource.class)
@QuarkusTestResource(HubStubs.class)
public class GlobalResources {
}
