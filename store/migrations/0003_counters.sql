-- The article count, kept by triggers, so the reader's header costs one row
-- read instead of a scan of the library.
CREATE TABLE counters (
    name TEXT PRIMARY KEY,
    n    INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO counters (name, n) SELECT 'articles', count(*) FROM articles;
CREATE TRIGGER counters_article_insert AFTER INSERT ON articles BEGIN
    UPDATE counters SET n = n + 1 WHERE name = 'articles';
END;
CREATE TRIGGER counters_article_delete AFTER DELETE ON articles BEGIN
    UPDATE counters SET n = n - 1 WHERE name = 'articles';
END;
