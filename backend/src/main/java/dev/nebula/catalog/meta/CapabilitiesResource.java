package dev.nebula.catalog.meta;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Self-description. Anonymous callers (the sign-in page) get the public part, answered from configuration alone;
 * signed-in users get live status, probed at most every few seconds whatever the request rate.
 */
@Path("/api/v2/catalog/capabilities")
@Produces(MediaType.APPLICATION_JSON)
public class CapabilitiesResource {

    @Inject
    CapabilitiesService capabilities;

    @Inject
    CurrentIdentityAssociation identity;

    /** An expired or foreign token here just means "not signed in": the sign-in page must still get its answer. */
    @GET
    public Uni<Object> get() {
        return identity.getDeferredIdentity()
                .map(SecurityIdentity::isAnonymous)
                .onFailure(AuthenticationFailedException.class).recoverWithItem(true)
                .chain(anonymous -> anonymous ? Uni.createFrom().item(capabilities.publicPart())
                        : capabilities.current().map(c -> c));
    }
}
