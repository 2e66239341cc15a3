-- Slugs an author or a tag had before an edit changed them, as 0019 keeps an article's: GET /authors/slug/{old} and
-- GET /tags/slug/{old} answer 301 with the current slug, and the author and tag filters take the old slug too, so the
-- links and frontend routes made with it keep working (a tag renamed from ai to artificial-intelligence broke every
-- /tags/ai link). Authors and tags have no drafts, so every slug an edit leaves is kept. One given such a slug
-- explicitly takes it over; a slug derived from a name never does. Deleting the author or tag deletes its slugs.
-- IF NOT EXISTS: see 0012.
CREATE TABLE IF NOT EXISTS author_slug_aliases (
    slug      TEXT    PRIMARY KEY,
    author_id INTEGER NOT NULL REFERENCES authors (id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS ix_author_slug_aliases_author ON author_slug_aliases (author_id);
CREATE TABLE IF NOT EXISTS tag_slug_aliases (
    slug   TEXT    PRIMARY KEY,
    tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS ix_tag_slug_aliases_tag ON tag_slug_aliases (tag_id);
