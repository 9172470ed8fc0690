package dev.nebula.catalog.auth;

import dev.nebula.catalog.audit.AuditEntry;
import dev.nebula.catalog.web.RequestIds;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Map;
import java.util.Optional;

/** Who is calling, from where, under which request id — what audit records and Nebula calls need to know. */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    @Inject
    CurrentVertxRequest request;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "mp.jwt.verify.issuer")
    String ownIssuer;

    public String username() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** The caller's own role (the highest the token carries), or null when anonymous. */
    public String role() {
        RoleHierarchy.Role role = RoleHierarchy.Role.highestOf(identity.getRoles());
        return role == null ? null : role.wire();
    }

    /** True for a token of the configured external issuer (no Nebula session of its own). */
    public boolean external() {
        return identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getIssuer() != null
                && !jwt.getIssuer().equals(ownIssuer);
    }

    public Optional<String> tokenId() {
        return identity.getPrincipal() instanceof JsonWebToken jwt ? Optional.ofNullable(jwt.getTokenID()) : Optional.empty();
    }

    public String clientAddress() {
        RoutingContext rc = request.getCurrent();
        if (rc == null || rc.request().remoteAddress() == null) {
            return null;
        }
        return rc.request().remoteAddress().hostAddress();
    }

    public String requestId() {
        RoutingContext rc = request.getCurrent();
        String id = rc == null ? null : rc.get(RequestIds.MDC_KEY);
        return id != null ? id : RequestIds.current();
    }

    public AuditEntry audit(String action, AuditEntry.Target target, Map<String, Object> details) {
        return new AuditEntry(username(), role(), clientAddress(), requestId(), action, target, details);
    }
}
