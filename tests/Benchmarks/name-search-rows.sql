-- Rows for measuring q on the image and tag lists and tag creates (README: q): 100,000 images whose alt text ends
-- "zz<n>" and 50,000 tags "Bulk tag <n>", added to a copy of a database (seeded or not) with
--   sqlite3 copy.db < tests/Benchmarks/name-search-rows.sql
-- then a server started on the copy migrates it (schema 26 computes their folded keys). Ids start past 10,000,000.
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
INSERT INTO images (id, url, alt_text, caption, credit, created_at, updated_at, version)
SELECT 10000000 + i, 'https://cdn.example.com/bulk/' || i || '.jpg', '示意圖 ' || i || ' zz' || i, 'Caption ' || i, 'ifanr',
       '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z', 1 FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000)
INSERT INTO tags (id, slug, name, created_at, updated_at, version)
SELECT 10000000 + i, 'bulk-tag-' || i, 'Bulk tag ' || i, '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z', 1 FROM n;
