-- SQLite gives a new row the largest id + 1: deleting the newest article, author, tag or image made its id the next
-- one's, so old links, cached copies, stored Idempotency-Key replays and an If-Match holding a version of the
-- deleted resource pointed at a different one. Inserts take their id from here (SqliteDialect.NextArticleId,
-- NextAuthorId, NextTagId, NextImageId), one past the highest ever given; the triggers keep it so whatever inserts.
-- Ids deleted before this migration from the top of a table may be given once more.
CREATE TABLE id_high_water (
    name    TEXT PRIMARY KEY,
    last_id INTEGER NOT NULL
);

INSERT INTO id_high_water (name, last_id) SELECT 'articles', coalesce(max(id), 0) FROM articles;
INSERT INTO id_high_water (name, last_id) SELECT 'authors', coalesce(max(id), 0) FROM authors;
INSERT INTO id_high_water (name, last_id) SELECT 'tags', coalesce(max(id), 0) FROM tags;
INSERT INTO id_high_water (name, last_id) SELECT 'images', coalesce(max(id), 0) FROM images;

CREATE TRIGGER articles_id_high_water AFTER INSERT ON articles BEGIN
    UPDATE id_high_water SET last_id = NEW.id WHERE name = 'articles' AND last_id < NEW.id;
END;
CREATE TRIGGER authors_id_high_water AFTER INSERT ON authors BEGIN
    UPDATE id_high_water SET last_id = NEW.id WHERE name = 'authors' AND last_id < NEW.id;
END;
CREATE TRIGGER tags_id_high_water AFTER INSERT ON tags BEGIN
    UPDATE id_high_water SET last_id = NEW.id WHERE name = 'tags' AND last_id < NEW.id;
END;
CREATE TRIGGER images_id_high_water AFTER INSERT ON images BEGIN
    UPDATE id_high_water SET last_id = NEW.id WHERE name = 'images' AND last_id < NEW.id;
END;
