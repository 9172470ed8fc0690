package dev.nebula.catalog.meta;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Public self-description; the page uses it to show what works before anyone signs in. */
@Path("/api/v2/catalog/capabilities")
@Produces(MediaType.APPLICATION_JSON)
public class CapabilitiesResource {

    @Inject
    CapabilitiesService capabilities;

    @GET
    public Uni<Capabilities> get() {
        return capabilities.current();
    }
}
