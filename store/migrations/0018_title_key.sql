-- Articles are looked up by title through a number, not the title: the
-- index on norm_title, at about 55 bytes an entry, was the largest an
-- import changed at random, and a transaction of 6,000 articles into a
-- library of 900,000 rewrote nearly all of its pages (10,900 of 11,800).
-- title_key is the title's 64-bit hash (titleKey in titlekey.go); lookups
-- compare norm_title too, so two titles with one key never match.
ALTER TABLE articles ADD COLUMN title_key INTEGER NOT NULL DEFAULT 0;
UPDATE articles SET title_key = kabar_title_key(norm_title);
DROP INDEX articles_norm_title;
CREATE INDEX articles_title_key ON articles(title_key);
