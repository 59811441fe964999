-- Bodies move out of articles into a table of their own, packed (see
-- packed.go: news text packs to about a third of its size), so an articles
-- row holds only the small columns a listing reads. imported and ref_count,
-- written but no longer read, go too. The full-text index's content becomes
-- the view articles_text, whose body kabar_text unpacks, so FTS5 reads the
-- text where it needs it (bm25, integrity-check, rebuild). Its CREATE
-- statement is changed in place (SQLite's documented writable_schema
-- procedure, lang_altertable.html#otheralter): the index on disk is the
-- same; the DDL after it bumps the schema cookie.
CREATE TABLE bodies (
    id   INTEGER PRIMARY KEY,  -- the article's id
    text BLOB    NOT NULL      -- the packed body
);
INSERT INTO bodies (id, text) SELECT id, kabar_pack(body) FROM articles;
CREATE VIEW articles_text AS
    SELECT a.id, a.title, kabar_text(b.text) AS body FROM articles a JOIN bodies b ON b.id = a.id;
PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql, 'content = ''articles''', 'content = ''articles_text''')
    WHERE type = 'table' AND name = 'articles_fts';
PRAGMA writable_schema = OFF;
DROP TRIGGER articles_fts_delete;
ALTER TABLE articles DROP COLUMN body;
ALTER TABLE articles DROP COLUMN imported;
ALTER TABLE articles DROP COLUMN ref_count;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body)
        SELECT 'delete', old.id, old.title, kabar_text(text) FROM bodies WHERE id = old.id;
    DELETE FROM bodies WHERE id = old.id;
END;
