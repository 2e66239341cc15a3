-- A name belongs to one active key, not to every key ever made: a revoked key gives its name up, so a key is rotated
-- under the name its client is known by (revoke ci, create ci). Two active keys never share a name, which revoke and the
-- rate limiter go by. SQLite drops no UNIQUE constraint in place, so api_keys is rebuilt, and idempotency_keys with it:
-- dropping api_keys while a table refers to it would delete that table's rows (ON DELETE CASCADE), so the new
-- idempotency_keys refers to the new api_keys, and renaming that one moves the reference along. Rows keep their ids.
CREATE TABLE api_keys_rebuilt (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    prefix       TEXT NOT NULL,
    key_hash     TEXT NOT NULL UNIQUE,   -- SHA-256 of the whole key, hex; the key itself is never stored
    scope        TEXT NOT NULL CHECK (scope IN ('read', 'write', 'admin')),
    created_at   TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at   TEXT
);
INSERT INTO api_keys_rebuilt (id, name, prefix, key_hash, scope, created_at, last_used_at, revoked_at)
    SELECT id, name, prefix, key_hash, scope, created_at, last_used_at, revoked_at FROM api_keys;

CREATE TABLE idempotency_keys_rebuilt (
    api_key_id    INTEGER NOT NULL REFERENCES api_keys_rebuilt (id) ON DELETE CASCADE,
    key           TEXT    NOT NULL,
    request_hash  TEXT    NOT NULL,
    status        INTEGER NOT NULL,
    content_type  TEXT,
    location      TEXT,
    etag          TEXT,
    body          BLOB    NOT NULL,
    created_at    TEXT    NOT NULL,
    last_modified TEXT,
    PRIMARY KEY (api_key_id, key)
);
INSERT INTO idempotency_keys_rebuilt (api_key_id, key, request_hash, status, content_type, location, etag, body, created_at, last_modified)
    SELECT api_key_id, key, request_hash, status, content_type, location, etag, body, created_at, last_modified FROM idempotency_keys
    -- Responses of a key deleted by hand with foreign keys off (the sqlite3 shell's default) are no one's to replay.
    WHERE api_key_id IN (SELECT id FROM api_keys);

DROP TABLE idempotency_keys;
DROP TABLE api_keys;
ALTER TABLE api_keys_rebuilt RENAME TO api_keys;
ALTER TABLE idempotency_keys_rebuilt RENAME TO idempotency_keys;
CREATE INDEX ix_idempotency_keys_created ON idempotency_keys (created_at);
CREATE UNIQUE INDEX ux_api_keys_active_name ON api_keys (name) WHERE revoked_at IS NULL;
