-- With 'automerge' at 16 (0006), FTS5's emergency merge ('crisismerge', default 16) fired as soon as a level held 16
-- segments, before the incremental merges that 'automerge' spreads over later writes could start: the write that
-- hit it merged the whole level at once, and creates saw p99 latencies of 180-400 ms (10,000 articles) and updates a
-- p95 of 1.2 s once (100,000). At 64, merges stay incremental: create p99 43-44 ms, for ~10 % fewer creates a second
-- (tests/Benchmarks/README.md, "Writes").
INSERT INTO articles_fts (articles_fts, rank) VALUES ('crisismerge', 64);
