-- Articles, their related-article refs, and the full-text index.
CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    key          TEXT    NOT NULL UNIQUE,  -- identity: url:<canonical> or origin:<path#record>
    content_hash BLOB    NOT NULL,         -- normalised title + body; the same content is stored once
    title        TEXT    NOT NULL,
    norm_title   TEXT    NOT NULL,
    source       TEXT    NOT NULL DEFAULT '',
    url          TEXT    NOT NULL DEFAULT '',
    canon_url    TEXT    NOT NULL DEFAULT '',
    published    INTEGER,                  -- unix seconds, NULL when unknown
    published_tz INTEGER NOT NULL DEFAULT 0,
    sort_key     INTEGER NOT NULL,         -- published, else import time
    authors      TEXT    NOT NULL DEFAULT '[]',
    editors      TEXT    NOT NULL DEFAULT '[]',
    body         TEXT    NOT NULL,
    origin       TEXT    NOT NULL,
    imported     INTEGER NOT NULL,
    ref_count    INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX articles_content_hash ON articles(content_hash);
CREATE INDEX articles_sort ON articles(sort_key, id);
CREATE INDEX articles_norm_title ON articles(norm_title);
CREATE INDEX articles_canon_url ON articles(canon_url) WHERE canon_url <> '';

CREATE TABLE refs (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    pos        INTEGER NOT NULL,
    title      TEXT    NOT NULL,
    url        TEXT    NOT NULL,
    norm_title TEXT    NOT NULL,
    canon_url  TEXT    NOT NULL,
    target_id  INTEGER REFERENCES articles(id) ON DELETE SET NULL,
    match      TEXT    NOT NULL DEFAULT 'none'
);
CREATE INDEX refs_article ON refs(article_id, pos);
CREATE INDEX refs_target ON refs(target_id) WHERE target_id IS NOT NULL;

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body,
    content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    columnsize = 0
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
