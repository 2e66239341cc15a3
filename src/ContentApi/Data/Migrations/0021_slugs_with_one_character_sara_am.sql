-- Thai ำ (U+0E33) and Lao ຳ (U+0EB3) are written in slugs as the one character keyboards type (Slugs.InStoredSpelling):
-- earlier builds stored slugs in NFKC, which splits each into a nikhahit and a sara aa (U+0E4D U+0E32, U+0ECD U+0EB2),
-- so a slug made from a title could not be found by the title's own spelling. Lookups read either spelling as this one,
-- and an article's slug in the other spelling answers 301 to it, as an earlier slug does: links made before keep
-- working, and no alias row is needed for them. OR IGNORE leaves a slug as it was where its new spelling is taken
-- already (only a slug stored before slugs had to be NFKC can be); it is found by id. The content version moves on, so
-- another instance's response cache drops what it holds with the old spellings.
UPDATE OR IGNORE articles SET slug = replace(replace(slug, char(0x0E4D, 0x0E32), char(0x0E33)), char(0x0ECD, 0x0EB2), char(0x0EB3))
    WHERE slug GLOB '*' || char(0x0E4D) || '*' OR slug GLOB '*' || char(0x0ECD) || '*';
UPDATE OR IGNORE authors SET slug = replace(replace(slug, char(0x0E4D, 0x0E32), char(0x0E33)), char(0x0ECD, 0x0EB2), char(0x0EB3))
    WHERE slug GLOB '*' || char(0x0E4D) || '*' OR slug GLOB '*' || char(0x0ECD) || '*';
UPDATE OR IGNORE tags SET slug = replace(replace(slug, char(0x0E4D, 0x0E32), char(0x0E33)), char(0x0ECD, 0x0EB2), char(0x0EB3))
    WHERE slug GLOB '*' || char(0x0E4D) || '*' OR slug GLOB '*' || char(0x0ECD) || '*';
UPDATE OR IGNORE article_slug_aliases SET slug = replace(replace(slug, char(0x0E4D, 0x0E32), char(0x0E33)), char(0x0ECD, 0x0EB2), char(0x0EB3))
    WHERE slug GLOB '*' || char(0x0E4D) || '*' OR slug GLOB '*' || char(0x0ECD) || '*';
UPDATE content_version SET version = version + 1;
