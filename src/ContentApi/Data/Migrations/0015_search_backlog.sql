-- Articles whose index row still names an author, tag or image as it was before a rename (or a new caption or
-- credit): an update touching more articles than one batch (SearchIndex.ReindexBatch) records them here in its own
-- transaction, and they are reindexed in batches of their own transactions afterwards, so that other writes go on
-- between batches. A row left by a stop halfway is reindexed when the server next starts. IF NOT EXISTS: see 0012.
CREATE TABLE IF NOT EXISTS search_backlog (
    article_id INTEGER PRIMARY KEY
);
