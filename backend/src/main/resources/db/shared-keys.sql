-- The keys every replica shares when no mounted secret supplies them (auth/SharedKeys): the JWT signing pair and the
-- session-encryption key. Created by the first replica before the application (and so Flyway) starts, because the
-- security layer needs the keys at boot; that is also why it lives in a schema of its own: Flyway refuses to start
-- on a public schema that holds tables it did not create.
CREATE SCHEMA IF NOT EXISTS catalog_keys;
CREATE TABLE IF NOT EXISTS catalog_keys.secret (
    name       text PRIMARY KEY,
    value      text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
REVOKE ALL ON SCHEMA catalog_keys FROM PUBLIC;
