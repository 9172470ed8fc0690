package dev.nebula.catalog.support;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Registers the suite's external dependencies once, globally, so that the application boots a single time:
 * a real embedded PostgreSQL, generated JWT keys, the Nebula simulator and WireMock standing in for both hubs.
 */
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(JwtKeysResource.class)
@QuarkusTestResource(NebulaSimulatorResource.class)
@QuarkusTestResource(HubStubs.class)
public class GlobalResources {
}
