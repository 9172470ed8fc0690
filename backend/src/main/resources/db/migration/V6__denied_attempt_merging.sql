-- Denied attempts are merged (docs/architecture.md, decision log): beyond the first few per actor and action in a window, repeats add to
-- one row's count instead of adding rows, so a client hammering a forbidden endpoint grows the table at a bounded rate.
ALTER TABLE audit_event ADD COLUMN attempts INTEGER NOT NULL DEFAULT 1;
ALTER TABLE audit_event ADD COLUMN last_at TIMESTAMPTZ;
CREATE INDEX audit_event_denied ON audit_event (actor, action, occurred_at DESC) WHERE outcome = 'denied';
