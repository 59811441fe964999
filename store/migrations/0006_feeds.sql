-- Feed subscriptions and what the last fetch of each learned: the validators
-- for conditional requests, when, and the error it met.
CREATE TABLE feeds (
    id            INTEGER PRIMARY KEY,
    url           TEXT    NOT NULL UNIQUE,
    name          TEXT    NOT NULL,
    full_text     INTEGER NOT NULL DEFAULT 0,
    etag          TEXT    NOT NULL DEFAULT '',
    last_modified TEXT    NOT NULL DEFAULT '',
    last_fetched  INTEGER,
    last_error    TEXT    NOT NULL DEFAULT '',
    added         INTEGER NOT NULL
);
CREATE UNIQUE INDEX feeds_name ON feeds(name);
