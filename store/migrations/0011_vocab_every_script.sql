-- The vocabulary's terms outside ASCII were folded with Go's Unicode tables,
-- which strip marks in every script; SQLite's unicode61 strips only Latin
-- diacritics, so Cyrillic, Greek and other prefixes found nothing. Take those
-- terms again from the index itself (terms past ASCII sort after char(127)).
DELETE FROM vocab WHERE term >= char(128);
CREATE VIRTUAL TABLE articles_fts_terms USING fts5vocab(articles_fts, 'row');
INSERT OR IGNORE INTO vocab (term) SELECT term FROM articles_fts_terms WHERE term >= char(128);
DROP TABLE articles_fts_terms;
