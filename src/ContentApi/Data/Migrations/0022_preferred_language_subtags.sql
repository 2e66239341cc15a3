-- A language the registry deprecated is written as the one it prefers (RFC 5646 canonical form, LanguageTags.Canonical):
-- iw as he, in as id, ji as yi, jw as jv, mo as ro. Writes store it so, responses showed stored ones so already, and the
-- language filter reads iw as he: so that language=he also finds the articles stored as iw before, they are iw no more.
-- Responses showed them so already, but what language=he lists changes: the content version moves on, so another
-- instance's response cache and list totals drop what they hold.
UPDATE articles SET language = CASE lower(substr(language, 1, 2))
        WHEN 'iw' THEN 'he' WHEN 'in' THEN 'id' WHEN 'ji' THEN 'yi' WHEN 'jw' THEN 'jv' ELSE 'ro' END || substr(language, 3)
    WHERE lower(substr(language, 1, 2)) IN ('iw', 'in', 'ji', 'jw', 'mo') AND (length(language) = 2 OR substr(language, 3, 1) = '-');
UPDATE content_version SET version = version + 1;
