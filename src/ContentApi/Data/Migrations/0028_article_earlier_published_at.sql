-- The publishedAt an article had when it was last unpublished, kept while it is a draft (whose published_at is null),
-- so that publishing it again without a publishedAt restores its date rather than dating it now: a legal hold or a
-- correction no longer moves a story to the top of every feed. Null for published articles and for drafts never
-- published; articles unpublished under earlier builds have lost theirs.
ALTER TABLE articles ADD COLUMN earlier_published_at TEXT;
