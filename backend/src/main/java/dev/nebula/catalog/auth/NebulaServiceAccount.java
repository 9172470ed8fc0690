package dev.nebula.catalog.auth;

import dev.nebula.catalog.config.CatalogConfig;
import dev.nebula.catalog.nebula.NebulaClient;
import dev.nebula.catalog.nebula.NebulaDtos;
import dev.nebula.catalog.nebula.NebulaFailures;
import dev.nebula.catalog.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The Nebula session used for users of an external issuer, who have no Nebula session of their own: logs in with
 * the configured service account, reuses the session until shortly before it expires, and logs in again when
 * Nebula has ended it.
 */
@ApplicationScoped
public class NebulaServiceAccount {

    private static final Duration MARGIN = Duration.ofMinutes(5);

    @Inject
    CatalogConfig config;

    @Inject
    NebulaClient nebula;

    private String token;
    private OffsetDateTime expiresAt;

    public boolean configured() {
        CatalogConfig.External external = config.auth().external();
        return external.serviceUser().isPresent() && external.servicePassword().isPresent();
    }

    public synchronized String token() {
        if (token != null && expiresAt != null && OffsetDateTime.now(ZoneOffset.UTC).plus(MARGIN).isBefore(expiresAt)) {
            return token;
        }
        CatalogConfig.External external = config.auth().external();
        if (external.serviceUser().isEmpty() || external.servicePassword().isEmpty()) {
            throw new ApiException(503, "service_account_missing", "External sign-ins need a Nebula service account: "
                    + "set NEBULA_SERVICE_USER and NEBULA_SERVICE_PASSWORD.");
        }
        try {
            NebulaDtos.LoginResponse login = nebula.blocking().login(external.serviceUser().get(),
                    external.servicePassword().get());
            token = login.token();
            expiresAt = login.expires_at() == null ? OffsetDateTime.now(ZoneOffset.UTC).plusHours(1) : OffsetDateTime.parse(login.expires_at());
            return token;
        } catch (RuntimeException e) {
            throw NebulaFailures.toApi(e);
        }
    }

    /** Forget the session after Nebula rejected it, so the next call logs in again. */
    public synchronized void invalidate(String rejected) {
        if (rejected != null && rejected.equals(token)) {
            token = null;
        }
    }
}
