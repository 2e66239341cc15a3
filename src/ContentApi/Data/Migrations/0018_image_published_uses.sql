-- How many uses each image has by articles with status 'published' (as their cover, and inline), whatever their
-- published_at, kept by the triggers below in every write's own transaction, as 0016 keeps tags' and authors'. The
-- anonymous image list's total checked every image for a use by a visible article (0.29 s over 200,456 images at
-- 100,000 articles, after every write); it is now this table's used rows, plus the avatars not among them, less the
-- images whose every published use is scheduled for later (ImageStore.PubliclyShownTotal). Images in use cannot be
-- deleted (ON DELETE RESTRICT). A REPLACE of an article or a link would not fire the triggers (see 0016).
-- IF NOT EXISTS and the refill: see 0012.
CREATE TABLE IF NOT EXISTS image_published_uses (
    image_id INTEGER PRIMARY KEY,
    uses     INTEGER NOT NULL
);

DELETE FROM image_published_uses;
INSERT INTO image_published_uses (image_id, uses)
    SELECT i.id,
           (SELECT count(*) FROM articles c INDEXED BY ix_articles_cover CROSS JOIN articles a INDEXED BY ix_articles_visibility
            ON a.id = c.id WHERE c.cover_image_id = i.id AND a.status = 'published')
         + (SELECT count(*) FROM article_images x CROSS JOIN articles a INDEXED BY ix_articles_visibility
            ON a.id = x.article_id WHERE x.image_id = i.id AND a.status = 'published')
    FROM images i;

CREATE TRIGGER IF NOT EXISTS images_published_uses_kept AFTER INSERT ON images BEGIN
    INSERT OR REPLACE INTO image_published_uses (image_id, uses) VALUES (NEW.id, 0);
END;
CREATE TRIGGER IF NOT EXISTS images_published_uses_dropped AFTER DELETE ON images BEGIN
    DELETE FROM image_published_uses WHERE image_id = OLD.id;
END;

CREATE TRIGGER IF NOT EXISTS articles_published_cover_added AFTER INSERT ON articles
WHEN NEW.status = 'published' AND NEW.cover_image_id IS NOT NULL BEGIN
    UPDATE image_published_uses SET uses = uses + 1 WHERE image_id = NEW.cover_image_id;
END;
CREATE TRIGGER IF NOT EXISTS articles_published_uses_changed AFTER UPDATE OF status, cover_image_id ON articles
WHEN OLD.status IS NOT NEW.status OR OLD.cover_image_id IS NOT NEW.cover_image_id BEGIN
    UPDATE image_published_uses SET uses = uses - 1 WHERE image_id = OLD.cover_image_id AND OLD.status = 'published';
    UPDATE image_published_uses SET uses = uses + 1 WHERE image_id = NEW.cover_image_id AND NEW.status = 'published';
    UPDATE image_published_uses SET uses = uses + iif(NEW.status = 'published', 1, -1)
    WHERE (OLD.status = 'published') <> (NEW.status = 'published')
      AND image_id IN (SELECT image_id FROM article_images WHERE article_id = NEW.id);
END;
CREATE TRIGGER IF NOT EXISTS articles_published_uses_deleted BEFORE DELETE ON articles
WHEN OLD.status = 'published' BEGIN
    UPDATE image_published_uses SET uses = uses - 1 WHERE image_id = OLD.cover_image_id;
    UPDATE image_published_uses SET uses = uses - 1
    WHERE image_id IN (SELECT image_id FROM article_images WHERE article_id = OLD.id);
END;

CREATE TRIGGER IF NOT EXISTS article_images_published_use_added AFTER INSERT ON article_images
WHEN (SELECT status FROM articles WHERE id = NEW.article_id) = 'published' BEGIN
    UPDATE image_published_uses SET uses = uses + 1 WHERE image_id = NEW.image_id;
END;
CREATE TRIGGER IF NOT EXISTS article_images_published_use_removed AFTER DELETE ON article_images
WHEN (SELECT status FROM articles WHERE id = OLD.article_id) = 'published' BEGIN
    UPDATE image_published_uses SET uses = uses - 1 WHERE image_id = OLD.image_id;
END;
CREATE TRIGGER IF NOT EXISTS article_images_published_use_moved AFTER UPDATE OF article_id, image_id ON article_images BEGIN
    UPDATE image_published_uses SET uses = uses - 1
    WHERE image_id = OLD.image_id AND (SELECT status FROM articles WHERE id = OLD.article_id) = 'published';
    UPDATE image_published_uses SET uses = uses + 1
    WHERE image_id = NEW.image_id AND (SELECT status FROM articles WHERE id = NEW.article_id) = 'published';
END;
