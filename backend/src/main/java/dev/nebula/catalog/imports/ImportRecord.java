package dev.nebula.catalog.imports;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** An import attempt: what was asked, what the hub said about size and revision, and how Nebula answered. */
@Entity
@Table(name = "import_record")
public class ImportRecord extends PanacheEntityBase {

    public static final String SUBMITTED = "submitted";
    public static final String CREATED = "created";
    public static final String FAILED = "failed";
    public static final String REMOVED = "removed";
    /** The create was sent but its answer was lost (timeout, reset): Nebula may hold the model. Live until resolved. */
    public static final String UNKNOWN = "unknown";
    /** An unknown import that Nebula turned out not to hold: the hub model may be imported again. */
    public static final String ABSENT = "absent";

    /** The time import rows are stamped with: UTC, as they are stored and compared. */
    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    @Id
    public UUID id;
    public String provider;
    @Column(name = "model_id")
    public String modelId;
    @Column(name = "requested_uid")
    public String requestedUid;
    @Column(name = "model_uid")
    public String modelUid;
    /** The uid sent to Nebula (generated or requested), set before the create is sent. */
    @Column(name = "sent_uid")
    public String sentUid;
    public String revision;
    @Column(name = "expected_bytes")
    public Long expectedBytes;
    /** Sent in the ModelSpec's config: what each GPU must have free (MiB); null when not sent. */
    @Column(name = "required_vram_mb")
    public Long requiredVramMb;
    /** Sent in the ModelSpec's config when above 1. */
    @Column(name = "tensor_parallel_size")
    public Integer tensorParallelSize;
    @Column(name = "engine_type")
    public String engineType;
    public int replicas;
    @Column(name = "auto_start")
    public boolean autoStart;
    public String status;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    public String actor;
    @Column(name = "request_id")
    public String requestId;
    /** The audit intent of this import; it gets exactly one outcome, written by whoever settles the record. */
    @Column(name = "audit_intent")
    public Long auditIntent;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "nebula_response")
    public Map<String, Object> nebulaResponse;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> error;

    public static Optional<ImportRecord> byIdempotencyKey(String actor, String key) {
        return find("actor = ?1 and idempotencyKey = ?2", actor, key).firstResultOptional();
    }

    public static Optional<ImportRecord> live(String provider, String modelId, String requestedUid) {
        return find("provider = ?1 and modelId = ?2 and requestedUid = ?3 and status in ('submitted', 'unknown', 'created')",
                provider, modelId, requestedUid).firstResultOptional();
    }

    /** An import still in flight that sent (or will send) this uid to Nebula. */
    public static Optional<ImportRecord> inFlightWithUid(String uid) {
        return find("sentUid = ?1 and status in ('submitted', 'unknown') order by createdAt desc", uid).firstResultOptional();
    }

    public boolean unresolved() {
        return SUBMITTED.equals(status) || UNKNOWN.equals(status);
    }

    /** The latest successful import that produced this uid, if any. */
    public static Optional<ImportRecord> createdFor(String modelUid) {
        return find("modelUid = ?1 and status = 'created' order by createdAt desc", modelUid).firstResultOptional();
    }
}
