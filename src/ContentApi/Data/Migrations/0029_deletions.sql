-- What left view, for a site or CDN that syncs (GET /api/v1/deletions): a row per article deleted, or withdrawn (it was
-- publicly visible, published with a publishedAt come, and a PATCH, PUT or import made it a draft or moved its
-- publishedAt into the future), per author, tag or image deleted, and per author, tag or image withdrawn (no live
-- article shows it any more after an article's or an author's write), written in the transaction of that write, with
-- the slug it had and whether anonymous callers saw it then (was_public; they are shown only those). Ids are never given
-- twice (0009), so an entry names one resource for good. Backups carry it; exports do not (an import starts a new
-- history). IF NOT EXISTS: see 0012.
CREATE TABLE IF NOT EXISTS deletions (
    id         INTEGER PRIMARY KEY,
    type       TEXT    NOT NULL,
    item_id    INTEGER NOT NULL,
    slug       TEXT,
    reason     TEXT    NOT NULL,
    deleted_at TEXT    NOT NULL,
    was_public INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_deletions_deleted_at ON deletions (deleted_at);
