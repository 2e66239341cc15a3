-- A restore brought back the snapshot's modification dates, so an If-Modified-Since at the Last-Modified of an edit
-- the restore discarded got 304 (the client kept content that no longer exists), and an If-Unmodified-Since at it let a
-- write through. updatedAt is content and is restored exactly; Last-Modified and the date preconditions take the later
-- of it and the last restore, recorded here (no row: never restored). IF NOT EXISTS: see 0012.
CREATE TABLE IF NOT EXISTS last_restore (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    restored_at TEXT    NOT NULL
);
