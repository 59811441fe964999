-- The daily reading workflow: tags on articles, saved searches, each
-- outlet's read count (unread = n - read_n) kept by triggers so that the
-- sources panel reads every outlet's counts from one small table, and the
-- outlet a subscribed feed's entries carry.
CREATE TABLE tags (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);
CREATE TABLE article_tags (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    tag_id     INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX article_tags_tag ON article_tags(tag_id, article_id);

CREATE TABLE saved_searches (
    name    TEXT PRIMARY KEY COLLATE NOCASE,
    query   TEXT NOT NULL,
    created INTEGER NOT NULL
) WITHOUT ROWID;

ALTER TABLE feeds ADD COLUMN outlet TEXT NOT NULL DEFAULT '';

ALTER TABLE source_counts ADD COLUMN read_n INTEGER NOT NULL DEFAULT 0;
UPDATE source_counts SET read_n = (SELECT count(*) FROM articles a INDEXED BY articles_source
    JOIN state s ON s.article_id = a.id WHERE a.source = source_counts.source AND s.read = 1);

CREATE TRIGGER source_read_state_insert AFTER INSERT ON state WHEN new.read = 1 BEGIN
    UPDATE source_counts SET read_n = read_n + 1
        WHERE source = (SELECT source FROM articles WHERE id = new.article_id);
END;
CREATE TRIGGER source_read_state_update AFTER UPDATE OF read ON state WHEN new.read <> old.read BEGIN
    UPDATE source_counts SET read_n = read_n + new.read - old.read
        WHERE source = (SELECT source FROM articles WHERE id = new.article_id);
END;
-- before the article goes, while its state row is still there
CREATE TRIGGER source_read_article_delete BEFORE DELETE ON articles WHEN old.source <> '' BEGIN
    UPDATE source_counts SET read_n = read_n - 1
        WHERE source = old.source AND EXISTS (SELECT 1 FROM state WHERE article_id = old.id AND read = 1);
END;
DROP TRIGGER source_counts_update;
CREATE TRIGGER source_counts_update AFTER UPDATE OF source ON articles WHEN new.source <> old.source BEGIN
    UPDATE source_counts SET n = n - 1,
        read_n = read_n - coalesce((SELECT read FROM state WHERE article_id = new.id), 0)
        WHERE source = old.source;
    DELETE FROM source_counts WHERE source = old.source AND n <= 0;
    INSERT INTO source_counts (source, n, read_n)
        SELECT new.source, 1, coalesce((SELECT read FROM state WHERE article_id = new.id), 0) WHERE new.source <> ''
        ON CONFLICT (source) DO UPDATE SET n = n + 1, read_n = read_n + excluded.read_n;
END;
