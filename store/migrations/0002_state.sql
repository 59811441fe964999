-- Reader state kept apart from article content, so re-importing an edited
-- article never resets it; and indexes that let a new article find the older
-- unresolved refs it answers without scanning them all, and the end of an
-- import the refs still waiting for the costly rules.
CREATE TABLE state (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    read       INTEGER NOT NULL DEFAULT 0,
    starred    INTEGER NOT NULL DEFAULT 0,
    scroll     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX state_starred ON state(starred) WHERE starred = 1;
CREATE INDEX refs_unresolved_title ON refs(norm_title) WHERE target_id IS NULL;
CREATE INDEX refs_unresolved_url ON refs(canon_url) WHERE target_id IS NULL AND canon_url <> '';
CREATE INDEX refs_pending ON refs(id) WHERE match = 'pending';
