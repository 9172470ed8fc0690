package dev.nebula.catalog.web;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Tells whoever started the service where to open it. */
@ApplicationScoped
public class StartupBanner {

    @ConfigProperty(name = "quarkus.http.port")
    int port;

    void onStart(@Observes StartupEvent event) {
        Log.infof("Nebula Model Catalog is ready: open http://localhost:%d/model-catalog", port);
    }
}
