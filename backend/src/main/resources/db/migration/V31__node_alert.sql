-- Nebula keeps one record per node and alert type, never deletes it, and rewrites its time on every scan while the
-- condition holds: it says when an alert was last seen, never since when it holds. The cache manager (nodes/AlertHistory)
-- remembers that here: first_seen_at is the start of the current episode (reset when an alert that had gone stale is
-- written again), active whether the node's last scan wrote it. Rows change only when an episode starts or ends.
CREATE TABLE node_alert (
    node_id        VARCHAR(253) NOT NULL,
    alert_type     VARCHAR(32)  NOT NULL,
    first_seen_at  TIMESTAMPTZ  NOT NULL,
    active         BOOLEAN      NOT NULL,
    PRIMARY KEY (node_id, alert_type)
);
