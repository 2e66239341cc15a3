-- Which build renders articles' Markdown (format=html, format=text) on this database, and since when. The HTML, table
-- of contents and plain text are rendered as an article is read, by code that changes between builds, so after an
-- upgrade an If-Modified-Since at a Last-Modified the earlier build sent got 304 and the client kept that build's
-- rendering. A server that finds another build recorded records its own, at its start; no response holding rendered
-- output has an earlier Last-Modified (no row: no server has started since). IF NOT EXISTS: see 0012.
CREATE TABLE IF NOT EXISTS rendering_build (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    build           TEXT    NOT NULL,
    first_served_at TEXT    NOT NULL
);
