-- FTS5 writes each import batch as a new segment and merges segments in the
-- background of later writes: by default once 4 of them sit at one level,
-- so every term was rewritten about once per factor of 4 in the library's
-- size (five times at a million articles). Merging at 16 rewrites it about
-- half as often, and a query reads at most 15 segments a level instead of
-- 3. On the last 100,000 articles of the million-article build, merging
-- took 4.2-4.5 s of the writer's time at 4, 1.1 s at 16 (scratch importer
-- with a CPU profile).
INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 16);
