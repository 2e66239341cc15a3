-- One counter that every content write increments in its own transaction, plus the next instant at which
-- a scheduled article goes live. Response caches compare against it, so invalidation is driven by the
-- data (and works across several app instances), not by one process's memory.
CREATE TABLE content_version (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    version        INTEGER NOT NULL,
    next_change_at TEXT
);
INSERT INTO content_version (id, version, next_change_at) VALUES (1, 1, NULL);
