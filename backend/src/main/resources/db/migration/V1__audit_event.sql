-- Every write and every denied write attempt leaves a row here, written before the effect.
CREATE TABLE audit_event (
    id            BIGSERIAL PRIMARY KEY,
    occurred_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    actor         VARCHAR(128) NOT NULL,
    role          VARCHAR(16),
    action        VARCHAR(32)  NOT NULL,
    provider      VARCHAR(16),
    model_id      VARCHAR(256),
    model_uid     VARCHAR(63),
    outcome       VARCHAR(16)  NOT NULL,
    request_id    VARCHAR(64)  NOT NULL,
    client_address VARCHAR(64),
    details       JSONB,
    correlates_to BIGINT REFERENCES audit_event (id)
);
CREATE INDEX audit_event_occurred_at ON audit_event (occurred_at DESC);
CREATE INDEX audit_event_actor ON audit_event (actor, occurred_at DESC);
CREATE INDEX audit_event_action ON audit_event (action, occurred_at DESC);
