-- Lists sorted by createdAt, updatedAt or title (articles), and image lists (newest first by default), sorted the whole
-- table for every page: 0.2-0.5 s a page at 100,000 articles, 0.5-0.8 s at 200,000 images. With an index in each
-- order a page reads its rows in order and stops. Anonymous article lists also need the planner to know that most
-- articles are published (SqliteDialect.ArticlePubliclyVisible), or it prefers ix_articles_published and sorts.
CREATE INDEX IF NOT EXISTS ix_articles_created ON articles (created_at, id);
CREATE INDEX IF NOT EXISTS ix_articles_updated ON articles (updated_at, id);
CREATE INDEX IF NOT EXISTS ix_articles_title ON articles (title, id);
CREATE INDEX IF NOT EXISTS ix_images_created ON images (created_at, id);
CREATE INDEX IF NOT EXISTS ix_images_updated ON images (updated_at, id);
