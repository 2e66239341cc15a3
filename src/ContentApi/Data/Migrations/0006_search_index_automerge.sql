-- FTS5 merges a level of its index once it holds 'automerge' segments (default 4), so every entry is rewritten once
-- per level: at 3,000-character Chinese articles (~6,000 tokens each) that rewriting was most of the cost of a create.
-- At 16, an entry is rewritten about half as often; a search reads more segments, which measured no slower at
-- 10,000 articles after 5,000 creates (tests/Benchmarks/README.md, "Writes"). seed and reindex still end with
-- 'optimize', which merges everything into one segment.
INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 16);
