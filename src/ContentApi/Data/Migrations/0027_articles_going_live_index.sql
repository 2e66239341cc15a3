-- The published articles whose going live is not yet recorded (ScheduledGoLive): scheduled ones, and those whose time
-- came while no server ran. Recording one sets its updated_at to its published_at, which takes it out of the index, so
-- it holds a newsroom's few scheduled articles however many are live. ix_articles_published cannot find them: every
-- live article is in its range, and whether each was recorded compares two columns of its row, read along the overflow
-- pages of its body (see 0005). IF NOT EXISTS: see 0011.
CREATE INDEX IF NOT EXISTS ix_articles_going_live ON articles (published_at) WHERE status = 'published' AND updated_at < published_at;
