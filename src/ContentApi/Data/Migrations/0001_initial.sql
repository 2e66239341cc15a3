-- Content model. Timestamps are fixed-width UTC text (see Timestamps.cs); every resource carries a version
-- that each write increments (optimistic concurrency, ETags).

CREATE TABLE images (
    id          INTEGER PRIMARY KEY,
    url         TEXT    NOT NULL,
    alt_text    TEXT    NOT NULL,
    caption     TEXT,
    credit      TEXT,
    license     TEXT,
    width       INTEGER,
    height      INTEGER,
    mime_type   TEXT,
    byte_size   INTEGER,
    focal_x     REAL,
    focal_y     REAL,
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE authors (
    id              INTEGER PRIMARY KEY,
    slug            TEXT    NOT NULL UNIQUE,
    name            TEXT    NOT NULL,
    bio             TEXT,
    avatar_image_id INTEGER REFERENCES images (id) ON DELETE RESTRICT,
    website         TEXT,
    email           TEXT,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ix_authors_avatar ON authors (avatar_image_id) WHERE avatar_image_id IS NOT NULL;

CREATE TABLE tags (
    id          INTEGER PRIMARY KEY,
    slug        TEXT    NOT NULL UNIQUE,
    name        TEXT    NOT NULL,
    description TEXT,
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE articles (
    id                   INTEGER PRIMARY KEY,
    slug                 TEXT    NOT NULL UNIQUE,
    title                TEXT    NOT NULL,
    subtitle             TEXT,
    excerpt              TEXT,              -- as given; NULL means derived from the body
    derived_excerpt      TEXT    NOT NULL,
    body                 TEXT    NOT NULL,
    language             TEXT    NOT NULL,
    status               TEXT    NOT NULL CHECK (status IN ('draft', 'published')),
    published_at         TEXT,
    cover_image_id       INTEGER REFERENCES images (id) ON DELETE RESTRICT,
    canonical_url        TEXT,
    reading_time_minutes INTEGER NOT NULL,
    character_count      INTEGER NOT NULL,
    created_at           TEXT    NOT NULL,
    updated_at           TEXT    NOT NULL,
    version              INTEGER NOT NULL DEFAULT 1,
    CHECK ((status = 'draft' AND published_at IS NULL) OR (status = 'published' AND published_at IS NOT NULL))
);
CREATE INDEX ix_articles_published ON articles (status, published_at, id);
CREATE INDEX ix_articles_cover ON articles (cover_image_id) WHERE cover_image_id IS NOT NULL;

CREATE TABLE article_authors (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    author_id  INTEGER NOT NULL REFERENCES authors (id) ON DELETE RESTRICT,
    position   INTEGER NOT NULL,
    PRIMARY KEY (article_id, author_id)
);
CREATE INDEX ix_article_authors_author ON article_authors (author_id, article_id);

CREATE TABLE article_tags (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    tag_id     INTEGER NOT NULL REFERENCES tags (id) ON DELETE RESTRICT,
    position   INTEGER NOT NULL,
    PRIMARY KEY (article_id, tag_id)
);
CREATE INDEX ix_article_tags_tag ON article_tags (tag_id, article_id);

CREATE TABLE article_images (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    image_id   INTEGER NOT NULL REFERENCES images (id) ON DELETE RESTRICT,
    position   INTEGER NOT NULL,
    PRIMARY KEY (article_id, image_id)
);
CREATE INDEX ix_article_images_image ON article_images (image_id, article_id);

CREATE TABLE api_keys (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE,
    prefix       TEXT NOT NULL,
    key_hash     TEXT NOT NULL UNIQUE,   -- SHA-256 of the whole key, hex; the key itself is never stored
    scope        TEXT NOT NULL CHECK (scope IN ('read', 'write', 'admin')),
    created_at   TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at   TEXT
);
