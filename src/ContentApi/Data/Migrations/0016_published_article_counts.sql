-- How many articles with status 'published' carry each tag and each author, whatever their published_at, kept by the
-- triggers below in every write's own transaction. Tags and authors showed their count of visible articles by
-- counting them on every read: 0.24 s for a page of tags and 0.18 s for one of authors at 100,000 articles, growing
-- with the library, on every key holder's request and every anonymous one after a write. A read now takes this count
-- and subtracts the ones scheduled for later (SqliteDialect.VisiblePublishedArticleCount), which are few.
-- An article's links are deleted by ON DELETE CASCADE after its own row is gone, when their triggers can no longer
-- see whether it was published, so a deleted article is counted off just before (BEFORE DELETE). Tags and authors in
-- use cannot be deleted (ON DELETE RESTRICT), so a count row is deleted at 0.
-- The triggers see plain INSERT, UPDATE and DELETE: a REPLACE of an article or a link deletes without firing them
-- (recursive_triggers is off), so no write may use one on these tables.
-- IF NOT EXISTS and the refill: see 0012 (a restore may apply this again to a snapshot that already has it).
CREATE TABLE IF NOT EXISTS tag_published_counts (
    tag_id   INTEGER PRIMARY KEY,
    articles INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS author_published_counts (
    author_id INTEGER PRIMARY KEY,
    articles  INTEGER NOT NULL
);

DELETE FROM tag_published_counts;
INSERT INTO tag_published_counts (tag_id, articles)
    SELECT t.id, (SELECT count(*) FROM article_tags x JOIN articles a INDEXED BY ix_articles_visibility ON a.id = x.article_id
                  WHERE x.tag_id = t.id AND a.status = 'published')
    FROM tags t;
DELETE FROM author_published_counts;
INSERT INTO author_published_counts (author_id, articles)
    SELECT au.id, (SELECT count(*) FROM article_authors x JOIN articles a INDEXED BY ix_articles_visibility ON a.id = x.article_id
                   WHERE x.author_id = au.id AND a.status = 'published')
    FROM authors au;

CREATE TRIGGER IF NOT EXISTS tags_published_count_kept AFTER INSERT ON tags BEGIN
    INSERT OR REPLACE INTO tag_published_counts (tag_id, articles) VALUES (NEW.id, 0);
END;
CREATE TRIGGER IF NOT EXISTS tags_published_count_dropped AFTER DELETE ON tags BEGIN
    DELETE FROM tag_published_counts WHERE tag_id = OLD.id;
END;
CREATE TRIGGER IF NOT EXISTS authors_published_count_kept AFTER INSERT ON authors BEGIN
    INSERT OR REPLACE INTO author_published_counts (author_id, articles) VALUES (NEW.id, 0);
END;
CREATE TRIGGER IF NOT EXISTS authors_published_count_dropped AFTER DELETE ON authors BEGIN
    DELETE FROM author_published_counts WHERE author_id = OLD.id;
END;

CREATE TRIGGER IF NOT EXISTS article_tags_published_count_linked AFTER INSERT ON article_tags
WHEN (SELECT status FROM articles WHERE id = NEW.article_id) = 'published' BEGIN
    UPDATE tag_published_counts SET articles = articles + 1 WHERE tag_id = NEW.tag_id;
END;
CREATE TRIGGER IF NOT EXISTS article_tags_published_count_unlinked AFTER DELETE ON article_tags
WHEN (SELECT status FROM articles WHERE id = OLD.article_id) = 'published' BEGIN
    UPDATE tag_published_counts SET articles = articles - 1 WHERE tag_id = OLD.tag_id;
END;
CREATE TRIGGER IF NOT EXISTS article_tags_published_count_relinked AFTER UPDATE OF article_id, tag_id ON article_tags BEGIN
    UPDATE tag_published_counts SET articles = articles - 1
    WHERE tag_id = OLD.tag_id AND (SELECT status FROM articles WHERE id = OLD.article_id) = 'published';
    UPDATE tag_published_counts SET articles = articles + 1
    WHERE tag_id = NEW.tag_id AND (SELECT status FROM articles WHERE id = NEW.article_id) = 'published';
END;
CREATE TRIGGER IF NOT EXISTS article_authors_published_count_linked AFTER INSERT ON article_authors
WHEN (SELECT status FROM articles WHERE id = NEW.article_id) = 'published' BEGIN
    UPDATE author_published_counts SET articles = articles + 1 WHERE author_id = NEW.author_id;
END;
CREATE TRIGGER IF NOT EXISTS article_authors_published_count_unlinked AFTER DELETE ON article_authors
WHEN (SELECT status FROM articles WHERE id = OLD.article_id) = 'published' BEGIN
    UPDATE author_published_counts SET articles = articles - 1 WHERE author_id = OLD.author_id;
END;
CREATE TRIGGER IF NOT EXISTS article_authors_published_count_relinked AFTER UPDATE OF article_id, author_id ON article_authors BEGIN
    UPDATE author_published_counts SET articles = articles - 1
    WHERE author_id = OLD.author_id AND (SELECT status FROM articles WHERE id = OLD.article_id) = 'published';
    UPDATE author_published_counts SET articles = articles + 1
    WHERE author_id = NEW.author_id AND (SELECT status FROM articles WHERE id = NEW.article_id) = 'published';
END;

CREATE TRIGGER IF NOT EXISTS articles_published_counts_status AFTER UPDATE OF status ON articles
WHEN (OLD.status = 'published') <> (NEW.status = 'published') BEGIN
    UPDATE tag_published_counts SET articles = articles + iif(NEW.status = 'published', 1, -1)
    WHERE tag_id IN (SELECT tag_id FROM article_tags WHERE article_id = NEW.id);
    UPDATE author_published_counts SET articles = articles + iif(NEW.status = 'published', 1, -1)
    WHERE author_id IN (SELECT author_id FROM article_authors WHERE article_id = NEW.id);
END;
CREATE TRIGGER IF NOT EXISTS articles_published_counts_deleted BEFORE DELETE ON articles
WHEN OLD.status = 'published' BEGIN
    UPDATE tag_published_counts SET articles = articles - 1
    WHERE tag_id IN (SELECT tag_id FROM article_tags WHERE article_id = OLD.id);
    UPDATE author_published_counts SET articles = articles - 1
    WHERE author_id IN (SELECT author_id FROM article_authors WHERE article_id = OLD.id);
END;
