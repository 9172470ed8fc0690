package dev.nebula.catalog.inventory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;

/** Something the catalog observed about a model that Nebula itself forgets (see V3__model_observation.sql). */
@Entity
@Table(name = "model_observation")
public class ModelObservation extends PanacheEntityBase {

    public static final String DOWNLOAD_FAILED = "download_failed";
    public static final String MODEL_FAILED = "model_failed";
    public static final String REPLICA_UNHEALTHY = "replica_unhealthy";
    public static final String NODE_LOST = "node_lost";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "model_uid")
    public String modelUid;
    @Column(name = "model_name")
    public String modelName;
    public String kind;
    @Column(name = "node_id")
    public String nodeId;
    @Column(name = "replica_id")
    public Long replicaId;
    public String summary;
    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;
    @Column(name = "first_seen_at")
    public OffsetDateTime firstSeenAt;
    @Column(name = "last_seen_at")
    public OffsetDateTime lastSeenAt;
    @Column(name = "dedupe_key")
    public String dedupeKey;

    public static List<ModelObservation> timeline(String uid, int limit) {
        return find("modelUid = ?1 order by occurredAt desc, id desc", uid).page(0, limit).list();
    }

    public static ModelObservation latestByKey(String key) {
        return find("dedupeKey = ?1 order by lastSeenAt desc, id desc", key).firstResult();
    }
}
