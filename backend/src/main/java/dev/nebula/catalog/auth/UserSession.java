package dev.nebula.catalog.auth;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A token this service issued, with the user's Nebula session (encrypted) behind it. */
@Entity
@Table(name = "user_session")
public class UserSession extends PanacheEntityBase {

    @Id
    public String jti;
    public String username;
    public String role;
    @Column(name = "display_name")
    public String displayName;
    @Column(name = "nebula_token")
    public byte[] nebulaToken;
    @Column(name = "nebula_expires_at")
    public OffsetDateTime nebulaExpiresAt;
    @Column(name = "issued_at")
    public OffsetDateTime issuedAt;
    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;
    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    public boolean activeAt(OffsetDateTime now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
