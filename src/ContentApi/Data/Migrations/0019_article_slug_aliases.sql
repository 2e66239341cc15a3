-- Slugs a published (or scheduled) article had before an edit changed it: GET /articles/slug/{old} answers 301 with its
-- current slug, so links made with the old one keep working (WordPress and Ghost keep them too). An article given such a slug explicitly takes
-- it over (a live slug wins); a slug derived from a title never takes one. Deleting the article deletes its aliases.
-- IF NOT EXISTS: see 0012.
CREATE TABLE IF NOT EXISTS article_slug_aliases (
    slug       TEXT    PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS ix_article_slug_aliases_article ON article_slug_aliases (article_id);
