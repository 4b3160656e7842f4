-- Identification lock records carry their own expiry, so every one of them can be pruned when it means nothing.
ALTER TABLE identification_locks ADD COLUMN expires_at timestamptz;
CREATE INDEX identification_locks_by_expiry ON identification_locks (expires_at);
