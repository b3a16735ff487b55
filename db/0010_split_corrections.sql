-- The archivist's corrections as line labels for refitting the line model (issue 15).
--
-- page_splits: which splitter made a page's articles ("rules", "lines-crf/<hash>" for the
-- shipped model, "lines-crf/library-<date>/<hash>" for a library's own), and, once a person
-- first edits the page, what each of its lines was labelled before (baseline: a JSON list,
-- one label per raw line), so that an edit undone withdraws its labels.
-- split_corrections: every line of a page a person's edits left labelled otherwise than the
-- splitter did — all its lines, as a page is what the model learns from — with the paper
-- and the newest revision of the page when they were made. A page whose edits are undone
-- has no rows. Sources never change, so line numbers stay right; sha is the line's text's.
CREATE TABLE page_splits (
    source_id INTEGER PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
    splitter  TEXT NOT NULL,
    split_at  TEXT NOT NULL,
    baseline  TEXT
);

CREATE TABLE split_corrections (
    source_id   INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    line        INTEGER NOT NULL,
    text        TEXT NOT NULL,
    sha         TEXT NOT NULL,
    label       TEXT NOT NULL,
    paper       TEXT,
    revision_id INTEGER,
    made_at     TEXT NOT NULL,
    PRIMARY KEY (source_id, line)
) WITHOUT ROWID;
CREATE INDEX split_corrections_paper ON split_corrections(paper, source_id);
