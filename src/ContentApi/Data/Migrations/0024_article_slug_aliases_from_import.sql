-- Earlier slugs an import took from a file's aliases or redirect_from (a migrated site's old URLs), rather than from an
-- edit of the article. Import reads a file whose slug is an earlier slug of an article as that article's file from
-- before the edit, and updates it; a file whose slug another file gave as an alias is another post, which takes the
-- slug over as through the API (it overwrote the article that listed the alias). Those kept before are the edits'.
-- A table of its own, not a column: IF NOT EXISTS lets a restore re-apply this (see 0012), which ADD COLUMN cannot.
CREATE TABLE IF NOT EXISTS article_slug_aliases_from_import (
    slug TEXT PRIMARY KEY REFERENCES article_slug_aliases (slug) ON DELETE CASCADE ON UPDATE CASCADE
);
