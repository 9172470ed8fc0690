package dev.nebula.catalog.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One line of the audit trail. Rows are only ever inserted (an outcome is a new row pointing at its intent), except
 * that repeated denied attempts add to a row's {@code attempts} and {@code last_at} (see {@link DeniedAttempts}).
 * The listing folds each outcome into its intent ({@link AuditListing}).
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    public String actor;
    public String role;
    public String action;
    public String provider;
    @Column(name = "model_id")
    public String modelId;
    @Column(name = "model_uid")
    public String modelUid;
    public String outcome;
    @Column(name = "request_id")
    public String requestId;
    @Column(name = "client_address")
    public String clientAddress;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> details;

    @Column(name = "correlates_to")
    public Long correlatesTo;

    /** How many attempts this row stands for (1 except for merged denied attempts). */
    public int attempts = 1;

    /** When the last merged attempt happened; null while the row stands for one. */
    @Column(name = "last_at")
    public OffsetDateTime lastAt;
}
