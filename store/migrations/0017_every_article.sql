-- The full-text index holds one more token at the start of every article's
-- title: U+E000, a private-use character, in no word anyone types. A query
-- of exclusions alone (-pemerintah) becomes the expression
-- '"U+E000" NOT (pemerintah)', which FTS5 answers by reading the two lists
-- side by side in its index (70-78 ms for the first page at a million
-- articles, BenchmarkSearchShapes1M, where collecting every match of a
-- word nearly all articles hold and keeping the articles outside it took
-- 620-650 ms). The view and the delete trigger
-- give FTS5 the title with the token; kabar's writer adds it too
-- (indexedTitle).
DROP VIEW articles_text;
CREATE VIEW articles_text AS
    SELECT a.id, char(57344) || ' ' || a.title AS title, kabar_text(b.text) AS body
    FROM articles a JOIN bodies b ON b.id = a.id;
DROP TRIGGER articles_fts_delete;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body)
        SELECT 'delete', old.id, char(57344) || ' ' || old.title, kabar_text(text) FROM bodies WHERE id = old.id;
    DELETE FROM bodies WHERE id = old.id;
END;
-- The index is built again from the view. Indexing only the titles again
-- would not do: FTS5 takes a word out of an article whole, so a word in
-- both the title and the body would lose its place in the body.
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
