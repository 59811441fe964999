-- The two key words (longest, not numbers) of every ref that no rule
-- resolved, so an article imported later finds the refs it answers by the
-- fuzzy rule with one index lookup instead of a scan of unresolved refs.
-- Refs left unresolved before this version have no key words: they still
-- resolve by URL, title or prefix when their article arrives.
CREATE TABLE ref_words (
    word   TEXT    NOT NULL,
    ref_id INTEGER NOT NULL REFERENCES refs(id) ON DELETE CASCADE,
    PRIMARY KEY (word, ref_id)
) WITHOUT ROWID;
CREATE INDEX ref_words_ref ON ref_words(ref_id);
