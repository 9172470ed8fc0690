-- One row per token the service issued. The user's Nebula session token stays here, encrypted (AES-GCM),
-- so that calls to Nebula on the user's behalf pass Nebula's own checks. Logout sets revoked_at.
CREATE TABLE user_session (
    jti                VARCHAR(64)  PRIMARY KEY,
    username           VARCHAR(128) NOT NULL,
    role               VARCHAR(16)  NOT NULL,
    display_name       VARCHAR(256),
    nebula_token       BYTEA        NOT NULL,
    nebula_expires_at  TIMESTAMPTZ,
    issued_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    expires_at         TIMESTAMPTZ  NOT NULL,
    revoked_at         TIMESTAMPTZ
);
CREATE INDEX user_session_expires_at ON user_session (expires_at);
