-- Key holders' article lists are ordered by coalesce(published_at, created_at) (drafts by creation time). With no index
-- in that order, every page sorted the whole table, each row read along the overflow pages of its body to reach the
-- two timestamps stored after it: 0.5 s a page at 100,000 articles, first page and deep pages alike. The second index
-- serves the same order under a status filter (and its count); IF NOT EXISTS lets a restore re-apply this to a
-- snapshot whose migration record is older than its indexes.
CREATE INDEX IF NOT EXISTS ix_articles_private_order ON articles (coalesce(published_at, created_at), id);
CREATE INDEX IF NOT EXISTS ix_articles_status_order ON articles (status, coalesce(published_at, created_at), id);
