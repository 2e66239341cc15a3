-- Responses to POSTs sent with an Idempotency-Key, replayed when the same key and body come again within 24 hours.
CREATE TABLE idempotency_keys (
    api_key_id    INTEGER NOT NULL REFERENCES api_keys (id) ON DELETE CASCADE,
    key           TEXT    NOT NULL,
    request_hash  TEXT    NOT NULL,
    status        INTEGER NOT NULL,
    content_type  TEXT,
    location      TEXT,
    etag          TEXT,
    body          BLOB    NOT NULL,
    created_at    TEXT    NOT NULL,
    PRIMARY KEY (api_key_id, key)
);
CREATE INDEX ix_idempotency_keys_created ON idempotency_keys (created_at);
