-- Tag-name uniqueness and q (the author, tag and image lists) compare texts folded as TagNames.Key folds them (NFKC,
-- without format characters, lowercased), which SQLite cannot compute: every request read and folded a whole table in
-- C# (tags?q= 0.2-0.4 s at 50,000 tags, images?q= up to 0.6 s at 100,000 images, each tag create 0.07-0.3 s in the
-- writer). The keys are now stored with the rows, the tag name key indexed (not UNIQUE: duplicates from before stay).
-- The columns (tags.name_key, tags.search_key, authors.search_key, images.search_key) are added by the migrator before
-- this runs (MigrationColumns: a restore may apply this again, and SQLite has no ADD COLUMN IF NOT
-- EXISTS); folded_name_key and folded_search_key are the C# folding, registered on the migration connection only.
-- A build that changes the folding repeats these UPDATEs in a migration of its own (FoldedKeys.RecomputeSql).
CREATE INDEX IF NOT EXISTS ix_tags_name_key ON tags (name_key);
UPDATE tags SET name_key = folded_name_key(name), search_key = folded_search_key(name, slug);
UPDATE authors SET search_key = folded_search_key(name, slug);
UPDATE images SET search_key = folded_search_key(alt_text, caption, credit);
