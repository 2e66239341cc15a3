-- An article's version was a counter only: the text an edit replaced could not be read, compared or put back, and a
-- DELETE was final. Each write that makes a new version (PUT, PATCH, an import's replace) stores the version it
-- replaces here, and a DELETE the last one, in the write's own transaction (ArticleRevisionLog); a create stores
-- nothing. At most Revisions:MaxPerArticle are kept per article, the oldest pruned by the write that adds one. No
-- foreign key to articles: the revisions of a deleted article stay, so that it can be read and restored (ids are
-- never given twice, 0009). created_by and updated_by are the version's, as 0030 records them. The link lists are JSON arrays of ids in their order. Backups carry it; exports do not.
CREATE TABLE IF NOT EXISTS article_revisions (
    article_id           INTEGER NOT NULL,
    version              INTEGER NOT NULL,
    slug                 TEXT    NOT NULL,
    title                TEXT    NOT NULL,
    subtitle             TEXT,
    excerpt              TEXT,
    body                 TEXT    NOT NULL,
    language             TEXT    NOT NULL,
    status               TEXT    NOT NULL,
    published_at         TEXT,
    earlier_published_at TEXT,
    cover_image_id       INTEGER,
    canonical_url        TEXT,
    author_ids           TEXT    NOT NULL,
    tag_ids              TEXT    NOT NULL,
    image_ids            TEXT    NOT NULL,
    created_at           TEXT    NOT NULL,
    updated_at           TEXT    NOT NULL,
    created_by           TEXT,
    updated_by           TEXT,
    replaced_at          TEXT    NOT NULL,
    deleted              INTEGER NOT NULL,
    PRIMARY KEY (article_id, version)
);
