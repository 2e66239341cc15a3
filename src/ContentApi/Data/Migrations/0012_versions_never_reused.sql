-- A restore put back the snapshot's versions: an If-Match holding a version given after the snapshot matched the
-- restored resource once it was edited again, and that edit was lost. A restore now moves every restored row past the
-- highest version the replaced database has given (RestoredVersions), which this records per table, including the
-- versions of rows deleted since (a snapshot brings them back too); the triggers keep it whatever writes. Versions of
-- rows deleted before this migration are not known. IF NOT EXISTS and the upsert let a restore re-apply this to a
-- snapshot whose migration record is older than its tables.
CREATE TABLE IF NOT EXISTS version_high_water (
    name         TEXT PRIMARY KEY,
    last_version INTEGER NOT NULL
);

-- (WHERE true: SQLite's parser needs a WHERE before ON CONFLICT in INSERT ... SELECT.)
INSERT INTO version_high_water (name, last_version) SELECT 'articles', coalesce(max(version), 0) FROM articles WHERE true
    ON CONFLICT (name) DO UPDATE SET last_version = max(last_version, excluded.last_version);
INSERT INTO version_high_water (name, last_version) SELECT 'authors', coalesce(max(version), 0) FROM authors WHERE true
    ON CONFLICT (name) DO UPDATE SET last_version = max(last_version, excluded.last_version);
INSERT INTO version_high_water (name, last_version) SELECT 'tags', coalesce(max(version), 0) FROM tags WHERE true
    ON CONFLICT (name) DO UPDATE SET last_version = max(last_version, excluded.last_version);
INSERT INTO version_high_water (name, last_version) SELECT 'images', coalesce(max(version), 0) FROM images WHERE true
    ON CONFLICT (name) DO UPDATE SET last_version = max(last_version, excluded.last_version);

CREATE TRIGGER IF NOT EXISTS articles_version_high_water_insert AFTER INSERT ON articles BEGIN
    UPDATE version_high_water SET last_version = NEW.version WHERE name = 'articles' AND last_version < NEW.version;
END;
CREATE TRIGGER IF NOT EXISTS articles_version_high_water_update AFTER UPDATE OF version ON articles BEGIN
    UPDATE version_high_water SET last_version = NEW.version WHERE name = 'articles' AND last_version < NEW.version;
END;
CREATE TRIGGER IF NOT EXISTS authors_version_high_water_insert AFTER INSERT ON authors BEGIN
    UPDATE version_high_water SET last_version = NEW.version WHERE name = 'authors' AND last_version < NEW.version;
END;
CREATE TRIGGER IF NOT EXISTS authors_version_high_water_update AFTER UPDATE OF version ON authors BEGIN
    UPDATE version_high_water SET last_version = NEW.version WHERE name = 'authors' AND last_version < NEW.version;
END;
CREATE TRIGGER IF NOT EXISTS tags_version_high_water_insert AFTER INSERT ON tags BEGIN
    UPDATE version_high_water SET last_version = NEW.version WHERE name = 'tags' AND last_version < NEW.version;
END;
CREATE TRIGGER IF NOT EXISTS tags_version_high_water_update AFTER UPDATE OF version ON tags BEGIN
    UPDATE version_high_water SET last_version = NEW.version WHERE name = 'tags' AND last_version < NEW.version;
END;
CREATE TRIGGER IF NOT EXISTS images_version_high_water_insert AFTER INSERT ON images BEGIN
    UPDATE version_high_water SET last_version = NEW.version WHERE name = 'images' AND last_version < NEW.version;
END;
CREATE TRIGGER IF NOT EXISTS images_version_high_water_update AFTER UPDATE OF version ON images BEGIN
    UPDATE version_high_water SET last_version = NEW.version WHERE name = 'images' AND last_version < NEW.version;
END;
