-- Which analysis (SearchAnalysis.Current) built the search index. The index holds analysed text, so after an upgrade
-- that analyses differently (such as a new Traditional/Simplified table), searches miss what the old analysis indexed
-- until `reindex` runs. NULL: indexed before this was recorded. The app records the current analysis when it starts on
-- a database without articles, and `reindex` when it has rebuilt the index.
CREATE TABLE search_analysis (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version TEXT
);
INSERT INTO search_analysis (id, version) VALUES (1, NULL);
