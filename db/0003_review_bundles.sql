-- Schema version 3: review bundles (DESIGN §6, issue 6).
-- review_bases: in a review library (made from a bundle on a laptop), where each article
-- started: the desk library's revision and its content hash, tags and status then.
-- merge_conflicts: an article changed both on the desk and in a review since the base;
-- both versions are kept here until someone resolves it (nothing is overwritten).

CREATE TABLE review_bases (
    article_id       INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    base_library_id  TEXT NOT NULL,
    base_revision_id INTEGER NOT NULL,
    base_sha256      TEXT NOT NULL,           -- content hash of the base article JSON
    base_tags        TEXT NOT NULL DEFAULT '[]',
    base_status      TEXT NOT NULL DEFAULT 'new'
);

CREATE TABLE merge_conflicts (
    id                INTEGER PRIMARY KEY,
    article_id        INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    bundle_library_id TEXT NOT NULL,          -- the review library the bundle came from
    base_revision_id  INTEGER NOT NULL,
    mine_revision_id  INTEGER NOT NULL,       -- the library's current revision at merge time
    theirs_sha256     TEXT NOT NULL,
    theirs            TEXT NOT NULL,          -- JSON, archivist.split/1 article from the bundle
    created_at        TEXT NOT NULL,
    resolved_at       TEXT,
    resolution        TEXT,                   -- mine / theirs / edited
    resolved_revision_id INTEGER,
    UNIQUE (article_id, theirs_sha256)
);
CREATE INDEX merge_conflicts_open ON merge_conflicts(resolved_at, article_id);
