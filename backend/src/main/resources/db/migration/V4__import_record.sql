-- One row per import attempt. It carries the hub size that lets block A show a real total, and the constraints
-- that make imports idempotent across service replicas (a database constraint, not a JVM lock).
CREATE TABLE import_record (
    id               UUID         PRIMARY KEY,
    provider         VARCHAR(16)  NOT NULL,
    model_id         VARCHAR(200) NOT NULL,
    requested_uid    VARCHAR(63)  NOT NULL DEFAULT '',
    model_uid        VARCHAR(63),
    revision         VARCHAR(64),
    expected_bytes   BIGINT,
    engine_type      VARCHAR(32)  NOT NULL,
    replicas         INT          NOT NULL,
    auto_start       BOOLEAN      NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    idempotency_key  VARCHAR(128),
    actor            VARCHAR(128) NOT NULL,
    request_id       VARCHAR(64)  NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL,
    nebula_response  JSONB,
    error            JSONB
);
-- The same caller repeating a dialog submission gets the first result back.
CREATE UNIQUE INDEX import_record_idempotency ON import_record (actor, idempotency_key) WHERE idempotency_key IS NOT NULL;
-- At most one live import of the same hub model under the same requested uid ('' = generated).
CREATE UNIQUE INDEX import_record_one_live ON import_record (provider, model_id, requested_uid)
    WHERE status IN ('submitted', 'created');
CREATE INDEX import_record_model_uid ON import_record (model_uid);
