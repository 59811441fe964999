-- Every term of the full-text index, so that filter-as-you-type can turn a
-- prefix into the few terms it stands for: FTS5 reads a prefix's whole
-- posting list before it returns a row, an OR of terms stops at the first
-- page. Filled from the index itself here, and by each import afterwards.
CREATE TABLE vocab (
    term TEXT PRIMARY KEY
) WITHOUT ROWID;
CREATE VIRTUAL TABLE articles_fts_terms USING fts5vocab(articles_fts, 'row');
INSERT OR IGNORE INTO vocab (term) SELECT term FROM articles_fts_terms;
DROP TABLE articles_fts_terms;
