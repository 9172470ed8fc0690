package dev.nebula.catalog.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nebula.catalog.config.CatalogConfig;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Accepts tokens of a configured external issuer beside our own: a bearer token whose {@code iss} is that issuer is
 * verified against the issuer's key or JWKS and its role claim is mapped to a catalog role. Every other token is
 * left to the standard JWT mechanism, which only trusts our own issuer. Runs first so that an external token never
 * reaches (and fails in) the standard mechanism.
 */
@ApplicationScoped
@Priority(2000)
public class ExternalTokens implements HttpAuthenticationMechanism {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    CatalogConfig config;

    private JWTAuthContextInfo context;
    private DefaultJWTParser parser;

    @PostConstruct
    void init() {
        CatalogConfig.External external = config.auth().external();
        if (external.issuer().isPresent() && external.publickeyLocation().isPresent()) {
            context = new JWTAuthContextInfo(external.publickeyLocation().get(), external.issuer().get());
            // a token the issuer minted for some other application must not open this one
            context.setExpectedAudience(Set.of(external.audience()));
            parser = new DefaultJWTParser(context);
        }
    }

    public boolean enabled() {
        return parser != null;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext rc, IdentityProviderManager identities) {
        String header = rc.request().getHeader("Authorization");
        if (!enabled() || header == null || !header.startsWith("Bearer ")) {
            return Uni.createFrom().nullItem();
        }
        String token = header.substring(7).trim();
        if (!context.getIssuedBy().equals(unverifiedIssuer(token))) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(() -> verify(token)).runSubscriptionOn(io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool());
    }

    private SecurityIdentity verify(String token) {
        JsonWebToken jwt;
        try {
            jwt = parser.parse(token);
        } catch (ParseException e) {
            throw new AuthenticationFailedException("external token rejected", e);
        }
        if (SessionCheck.issuedInTheFuture(jwt)) {
            throw new AuthenticationFailedException("external token issued in the future");
        }
        // An identity built here skips the augmentors (they run only for identities from identity providers), so
        // the role hierarchy is applied here too: an external operator may read block A like any operator.
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder().setPrincipal(jwt);
        for (String value : claimValues(jwt.getClaim(config.auth().external().roleClaim()))) {
            RoleHierarchy.Role role = RoleHierarchy.Role.fromWire(config.auth().external().roleMap().getOrDefault(value, value));
            if (role != null) {
                role.implied().forEach(r -> identity.addRole(r.wire()));
            }
        }
        return identity.build();
    }

    private static List<String> claimValues(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(v -> v.toString().replace("\"", "")).toList();
        }
        if (claim instanceof jakarta.json.JsonArray array) {
            return array.stream().map(v -> v.toString().replace("\"", "")).toList();
        }
        return claim == null ? List.of() : List.of(claim.toString().replace("\"", ""));
    }

    /** The {@code iss} of a token before verification, only to route it to the right verifier. */
    static String unverifiedIssuer(String token) {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            return null;
        }
        try {
            JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            return claims.path("iss").isTextual() ? claims.path("iss").asText() : null;
        } catch (Exception e) {
            return null;
        }
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }
}
