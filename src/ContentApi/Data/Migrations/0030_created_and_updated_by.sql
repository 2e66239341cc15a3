-- Who changed what: articles, authors, tags and images record the name of the API key whose request created them
-- (created_by) and whose request last changed them (updated_by), as the name was when it wrote: a name can be given to
-- a new key once its key is revoked, so a key id would later name someone else's key, and a revoked key's row is what
-- the name leads an operator to. Null for rows written before this migration, by CLI commands (seed, import), which
-- use no key, and by a scheduled article going live by itself. The columns (TEXT) are added by the migrator before this
-- runs (MigrationColumns: a restore may apply this again, and SQLite has no ADD COLUMN IF NOT EXISTS); the index
-- serves the article list's createdBy and updatedBy filters.
CREATE INDEX IF NOT EXISTS ix_articles_created_by ON articles (created_by);
CREATE INDEX IF NOT EXISTS ix_articles_updated_by ON articles (updated_by);
