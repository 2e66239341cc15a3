-- Articles by language, as the language filter compares it (lower-cased; "zh" also finds "zh-*"), with status and date
-- for what anonymous callers may see. A list of a language with few articles walked every article in the list's order
-- and read each one's row, body included, for its language (0.5 s a page at 100,000 articles for one with none), and a
-- language's total did the same. IF NOT EXISTS: see 0012.
CREATE INDEX IF NOT EXISTS ix_articles_language ON articles (lower(language), status, published_at);
