package dev.nebula.catalog.auth;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * Tokens carry one role; endpoints name the least role they need. This widens admin to {admin, operator, viewer}
 * and operator to {operator, viewer}, as Nebula's own hierarchy does.
 */
@ApplicationScoped
public class RoleHierarchy implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        Role role = Role.highestOf(identity.getRoles());
        if (role == null) {
            return Uni.createFrom().item(identity);
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(identity);
        role.implied().forEach(r -> builder.addRole(r.wire()));
        return Uni.createFrom().item(builder.build());
    }

    /** The catalog's roles, most powerful first. */
    public enum Role {
        ADMIN, OPERATOR, VIEWER;

        public String wire() {
            return name().toLowerCase();
        }

        Set<Role> implied() {
            return switch (this) {
                case ADMIN -> Set.of(ADMIN, OPERATOR, VIEWER);
                case OPERATOR -> Set.of(OPERATOR, VIEWER);
                case VIEWER -> Set.of(VIEWER);
            };
        }

        public static Role fromWire(String value) {
            for (Role r : values()) {
                if (r.wire().equals(value)) {
                    return r;
                }
            }
            return null;
        }

        static Role highestOf(Set<String> roles) {
            for (Role r : values()) {
                if (roles.contains(r.wire())) {
                    return r;
                }
            }
            return null;
        }
    }
}
