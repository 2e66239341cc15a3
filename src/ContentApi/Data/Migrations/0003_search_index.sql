-- Full-text index of articles. Text reaches it already analysed by SearchAnalyzer (folded, CJK as
-- unigrams + bigrams, space-separated), so FTS5 only splits on spaces ('ascii' keeps non-ASCII as token
-- characters). Contentless: the text lives in the tables; rows are replaced by rowid (= article id).
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, subtitle, excerpt, body, authors, tags, images,
    tokenize = 'ascii', content = '', contentless_delete = 1
);

-- Databases that had articles before the index existed are filled by the `reindex` command (the app does
-- not index on start); so are databases whose analysis has changed since they were indexed.
