-- Key holders' article lists are ordered by coalesce(published_at, created_at) (drafts by creation time). With no index
-- in that order, every page sorted the whole table, each row read along the overflow pages of its body to reach the
-- two timestamps stored after it: 0.5 s a page at 100,000 articles, first page and deep pages alike. Status is carried
-- so a status filter is checked in the index.
CREATE INDEX IF NOT EXISTS ix_articles_private_order ON articles (coalesce(published_at, created_at), id, status);
