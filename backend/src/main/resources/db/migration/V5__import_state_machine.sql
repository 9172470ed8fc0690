-- The import state machine (docs/imports.md): a create whose answer was lost is 'unknown' until Nebula is asked,
-- then 'created' or 'absent'; a created model that leaves Nebula becomes 'removed'. Unknown imports are live: until
-- resolved they hold the claim, so nothing can create the same model a second time.
ALTER TABLE import_record ADD COLUMN sent_uid VARCHAR(63);
ALTER TABLE import_record ADD COLUMN audit_intent BIGINT REFERENCES audit_event (id);
DROP INDEX import_record_one_live;
CREATE UNIQUE INDEX import_record_one_live ON import_record (provider, model_id, requested_uid)
    WHERE status IN ('submitted', 'unknown', 'created');
CREATE INDEX import_record_unresolved ON import_record (updated_at) WHERE status IN ('submitted', 'unknown');
-- Every audit intent gets exactly one outcome, whichever replica (or restart) writes it.
CREATE UNIQUE INDEX audit_event_one_outcome ON audit_event (correlates_to) WHERE correlates_to IS NOT NULL;
