-- What the hubs last said about the default branch of models imported through the catalog (upstream/UpstreamChecks),
-- one row per hub model, shared by every replica: checked_at is claimed by a conditional upsert before the hub is
-- asked, so a hub model is asked at most once per recheck interval whichever replica asks; the answer (or the code of
-- the failure) is written after. Block A reads the rows from memory and says "newer revision on the hub".
CREATE TABLE upstream_revision (
    provider     VARCHAR(16)  NOT NULL,
    model_id     VARCHAR(200) NOT NULL,
    sha          VARCHAR(64),
    committed_at TIMESTAMPTZ,
    answered_at  TIMESTAMPTZ,
    checked_at   TIMESTAMPTZ  NOT NULL,
    error        VARCHAR(64),
    PRIMARY KEY (provider, model_id)
);
