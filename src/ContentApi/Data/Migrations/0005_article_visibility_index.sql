-- Search joins every full-text match to its article to check visibility and language and to break ties by
-- publication time. Read from the table, each of those rows costs a walk along the overflow pages of its body
-- (status, published_at and language are stored after it): about 50 ms for the 10,000 matches of a common word in
-- 100,000 articles. This index holds just those columns, keyed by id, so the join never touches the table.
CREATE INDEX ix_articles_visibility ON articles (id, status, published_at, language);
