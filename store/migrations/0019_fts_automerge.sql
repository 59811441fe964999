-- FTS5 merges a level's segments into one of the next level once the level
-- holds 'automerge' of them (4 by default), so every posting is written
-- again once a level: log4 of the segments an import has flushed. At a
-- million articles that merging was the part of an import that grew most
-- with the library (2.0 s of the writer's 13.9 s on the first 100,000
-- articles, 4.5 s of 20.6 s on the last). With 16 each posting is written
-- again half as often; a search reads more segments (BenchmarkSearch1M).
INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 16);
