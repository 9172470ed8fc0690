package dev.nebula.catalog.support;

import dev.nebula.catalog.auth.KeyMaterial;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/** The same key generation the product runs on first start, into a throw-away directory; plus a trusted external issuer. */
public class JwtKeysResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try {
            Map<String, String> props = new java.util.HashMap<>(KeyMaterial.ensure(Files.createTempDirectory("catalog-keys")));
            props.putAll(ExternalIssuer.configuration());
            return props;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
    }
}
