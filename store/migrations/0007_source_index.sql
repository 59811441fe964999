-- Lets the list show one outlet's articles, newest first, and count them,
-- without scanning the library.
CREATE INDEX articles_source ON articles(source, sort_key, id);
