-- Counts the reader shows, kept by triggers so that no count scans a large
-- table: read articles (unread = total - read) and articles per outlet.
INSERT INTO counters (name, n) SELECT 'read', count(*) FROM state WHERE read = 1;
CREATE TRIGGER counters_state_insert AFTER INSERT ON state WHEN new.read = 1 BEGIN
    UPDATE counters SET n = n + 1 WHERE name = 'read';
END;
CREATE TRIGGER counters_state_update AFTER UPDATE OF read ON state WHEN new.read <> old.read BEGIN
    UPDATE counters SET n = n + new.read - old.read WHERE name = 'read';
END;
CREATE TRIGGER counters_state_delete AFTER DELETE ON state WHEN old.read = 1 BEGIN
    UPDATE counters SET n = n - 1 WHERE name = 'read';
END;

CREATE TABLE source_counts (
    source TEXT PRIMARY KEY,
    n      INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO source_counts (source, n) SELECT source, count(*) FROM articles WHERE source <> '' GROUP BY source;
CREATE INDEX source_counts_n ON source_counts(n);
CREATE TRIGGER source_counts_insert AFTER INSERT ON articles WHEN new.source <> '' BEGIN
    INSERT INTO source_counts (source, n) VALUES (new.source, 1)
        ON CONFLICT (source) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER source_counts_delete AFTER DELETE ON articles WHEN old.source <> '' BEGIN
    UPDATE source_counts SET n = n - 1 WHERE source = old.source;
    DELETE FROM source_counts WHERE source = old.source AND n <= 0;
END;
CREATE TRIGGER source_counts_update AFTER UPDATE OF source ON articles WHEN new.source <> old.source BEGIN
    UPDATE source_counts SET n = n - 1 WHERE source = old.source;
    DELETE FROM source_counts WHERE source = old.source AND n <= 0;
    INSERT INTO source_counts (source, n) SELECT new.source, 1 WHERE new.source <> ''
        ON CONFLICT (source) DO UPDATE SET n = n + 1;
END;
