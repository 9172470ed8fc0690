-- Failed sign-ins, kept in the database so every replica counts the same attempts (LoginThrottle). One row per
-- failure; rows older than the window are deleted as new failures arrive, so the table stays small.
CREATE TABLE login_failure (
    id        BIGSERIAL PRIMARY KEY,
    account   TEXT        NOT NULL,
    address   TEXT        NOT NULL,
    failed_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX login_failure_account ON login_failure (account, failed_at);
CREATE INDEX login_failure_address ON login_failure (address, failed_at);
CREATE INDEX login_failure_age ON login_failure (failed_at);
