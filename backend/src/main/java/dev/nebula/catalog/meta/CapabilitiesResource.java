package dev.nebula.catalog.meta;

import dev.nebula.catalog.api.MetaEndpoints;
import dev.nebula.catalog.auth.NebulaIdentity;
import dev.nebula.catalog.auth.NebulaSession;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;

import java.time.Duration;

/**
 * Self-description. Anonymous callers (the sign-in page) get the public part, answered from configuration alone;
 * signed-in users get live status, probed at most every few seconds whatever the request rate. Runs on a worker
 * thread: finding the caller's Nebula session may read the database.
 */
public class CapabilitiesResource implements MetaEndpoints {

    /** Each probe is bounded at 2 s and they run concurrently; this only guards against the unforeseen. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(3);

    @Inject
    CapabilitiesService capabilities;

    @Inject
    SecurityIdentity identity;

    @Inject
    NebulaSession session;

    @Override
    public CapabilitiesAnswer getCapabilities(String requestId) {
        if (anonymous()) {
            return capabilities.publicPart();
        }
        // without a Nebula session the data probe is skipped; health still tells whether Nebula answers at all
        String token = session.identityIfAny().map(NebulaIdentity::token).orElse(null);
        return capabilities.current(token).await().atMost(ANSWER_WITHIN);
    }

    /** An expired or foreign token here just means "not signed in": the sign-in page must still get its answer. */
    private boolean anonymous() {
        try {
            return identity.isAnonymous();
        } catch (AuthenticationFailedException e) {
            return true;
        }
    }
}
