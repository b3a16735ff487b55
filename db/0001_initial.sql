-- archivist library, schema version 1. Meanings: DESIGN.md §4.
-- Applied by archivist/store/migrations.py inside one transaction; user_version is set there.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- An input file as it came. The bytes live in files/<sha[:2]>/<sha><suffix> and are
-- never modified; the decoded text is kept so the page can be re-split without the file.
CREATE TABLE sources (
    id          INTEGER PRIMARY KEY,
    sha256      TEXT NOT NULL UNIQUE,
    filename    TEXT NOT NULL,
    path        TEXT NOT NULL,          -- where it was imported from
    stored_path TEXT NOT NULL,          -- relative to the library folder
    size        INTEGER NOT NULL,
    encoding    TEXT NOT NULL,
    kind        TEXT NOT NULL DEFAULT 'text',
    text        TEXT NOT NULL,
    furniture   TEXT NOT NULL DEFAULT '[]',   -- JSON list: page-level lines, kept
    date        TEXT,                          -- YYYY-MM-DD when known
    imported_at TEXT NOT NULL
);

CREATE TABLE articles (
    id                  INTEGER PRIMARY KEY,
    source_id           INTEGER NOT NULL REFERENCES sources(id),
    position            INTEGER NOT NULL,
    headline            TEXT,
    date                TEXT,
    status              TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'reviewed')),
    trashed_at          TEXT,                  -- soft delete: NULL = in the library
    current_revision_id INTEGER REFERENCES revisions(id) DEFERRABLE INITIALLY DEFERRED,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);
CREATE INDEX articles_source ON articles(source_id, position);
CREATE INDEX articles_date ON articles(date);
CREATE INDEX articles_headline ON articles(headline);
CREATE INDEX articles_trashed ON articles(trashed_at);

-- Every state an article was ever in. Nothing is updated in place.
CREATE TABLE revisions (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    parent_id  INTEGER REFERENCES revisions(id) ON DELETE SET NULL,
    author     TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    article    TEXT NOT NULL                  -- JSON, archivist.split/1 article
);
CREATE INDEX revisions_article ON revisions(article_id, id);

-- The fixes of each revision, queryable (which rule changed what, reverted or not).
CREATE TABLE fixes (
    revision_id INTEGER NOT NULL REFERENCES revisions(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    rule        TEXT NOT NULL,
    action      TEXT NOT NULL,
    before      TEXT NOT NULL,
    after       TEXT NOT NULL,
    field       TEXT NOT NULL,
    block       INTEGER,
    start       INTEGER,
    reason      TEXT NOT NULL,
    reverted    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (revision_id, idx)
);
CREATE INDEX fixes_rule ON fixes(rule);

-- Hierarchical tags are stored by full path ("地区/青岛"); parents are implied.
CREATE TABLE tags (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE article_tags (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    tag_id     INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX article_tags_tag ON article_tags(tag_id, article_id);

-- Search index (DESIGN §5): contentless, rowid = article id; the text is in revisions.
-- Columns: headline = kicker + headline + subtitle; body = everything else.
CREATE VIRTUAL TABLE article_fts USING fts5(
    headline, body,
    content = '',
    tokenize = 'unicode61 remove_diacritics 0'
);
