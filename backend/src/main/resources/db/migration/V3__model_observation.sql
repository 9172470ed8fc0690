-- What the catalog saw happen to a model that Nebula does not keep: failed downloads (Nebula's record expires
-- 30 s after the last write and carries no text), models that hit Nebula's failed timer, unhealthy replicas.
-- A condition seen on every poll is one row whose last_seen_at moves, not one row per poll.
CREATE TABLE model_observation (
    id             BIGSERIAL PRIMARY KEY,
    model_uid      VARCHAR(63)  NOT NULL,
    model_name     VARCHAR(512),
    kind           VARCHAR(32)  NOT NULL,
    node_id        VARCHAR(128),
    replica_id     BIGINT,
    summary        VARCHAR(1024) NOT NULL,
    occurred_at    TIMESTAMPTZ  NOT NULL,
    first_seen_at  TIMESTAMPTZ  NOT NULL,
    last_seen_at   TIMESTAMPTZ  NOT NULL,
    dedupe_key     VARCHAR(700) NOT NULL
);
CREATE INDEX model_observation_uid ON model_observation (model_uid, last_seen_at DESC);
CREATE INDEX model_observation_key ON model_observation (dedupe_key, last_seen_at DESC);
