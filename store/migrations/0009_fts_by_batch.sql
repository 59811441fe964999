-- The import indexes a batch's new and changed articles in one statement
-- (batchWriter.indexChanged) instead of a trigger per row: FTS5 flushes its
-- pending terms at every statement savepoint, so a trigger wrote one tiny
-- segment per article and spent the import merging them. Deletes keep their
-- trigger.
DROP TRIGGER articles_fts_insert;
DROP TRIGGER articles_fts_update;
