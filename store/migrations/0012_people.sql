-- The people named on articles (authors and editors), kept by triggers, so
-- that author: in a search, and pages of a person's articles, read an index
-- instead of every article.
CREATE TABLE people (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE article_people (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    role       TEXT    NOT NULL, -- author or editor
    person_id  INTEGER NOT NULL REFERENCES people(id),
    PRIMARY KEY (article_id, role, person_id)
) WITHOUT ROWID;
CREATE INDEX article_people_person ON article_people(person_id, article_id);

INSERT OR IGNORE INTO people (name)
    SELECT j.value FROM articles a, json_each(a.authors) j WHERE j.value <> ''
    UNION SELECT j.value FROM articles a, json_each(a.editors) j WHERE j.value <> '';
INSERT OR IGNORE INTO article_people (article_id, role, person_id)
    SELECT a.id, 'author', p.id FROM articles a, json_each(a.authors) j JOIN people p ON p.name = j.value;
INSERT OR IGNORE INTO article_people (article_id, role, person_id)
    SELECT a.id, 'editor', p.id FROM articles a, json_each(a.editors) j JOIN people p ON p.name = j.value;

CREATE TRIGGER article_people_insert AFTER INSERT ON articles
WHEN new.authors <> '[]' OR new.editors <> '[]' BEGIN
    INSERT OR IGNORE INTO people (name)
        SELECT value FROM json_each(new.authors) WHERE value <> ''
        UNION SELECT value FROM json_each(new.editors) WHERE value <> '';
    INSERT OR IGNORE INTO article_people (article_id, role, person_id)
        SELECT new.id, 'author', p.id FROM json_each(new.authors) j JOIN people p ON p.name = j.value;
    INSERT OR IGNORE INTO article_people (article_id, role, person_id)
        SELECT new.id, 'editor', p.id FROM json_each(new.editors) j JOIN people p ON p.name = j.value;
END;
CREATE TRIGGER article_people_update AFTER UPDATE OF authors, editors ON articles
WHEN new.authors <> old.authors OR new.editors <> old.editors BEGIN
    DELETE FROM article_people WHERE article_id = new.id;
    INSERT OR IGNORE INTO people (name)
        SELECT value FROM json_each(new.authors) WHERE value <> ''
        UNION SELECT value FROM json_each(new.editors) WHERE value <> '';
    INSERT OR IGNORE INTO article_people (article_id, role, person_id)
        SELECT new.id, 'author', p.id FROM json_each(new.authors) j JOIN people p ON p.name = j.value;
    INSERT OR IGNORE INTO article_people (article_id, role, person_id)
        SELECT new.id, 'editor', p.id FROM json_each(new.editors) j JOIN people p ON p.name = j.value;
END;
