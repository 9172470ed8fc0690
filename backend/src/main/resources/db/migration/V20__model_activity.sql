-- What the catalog saw of a model that Nebula does not say: when it last served (Nebula's cache scan rewrites
-- last_accessed on every scan, so that says nothing about use), and that it was deleted through the catalog, so its
-- files, until Nebula's garbage collection removes them, read "being removed" rather than as a new cache-only model.
-- One row per uid; rows of models deleted a day ago are pruned.
CREATE TABLE model_activity (
    model_uid          VARCHAR(63)  PRIMARY KEY,
    model_name         VARCHAR(512) NOT NULL,
    source             VARCHAR(16),
    last_seen_running  TIMESTAMPTZ,
    deleted_at         TIMESTAMPTZ
);
