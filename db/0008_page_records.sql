-- The edition a page belongs to (issue 16): paper, edition date, page number (版次),
-- section (版名), edition (A/B, 早版) and free notes, with why each value is what it is.
-- One record per source page (seq: the page within a multi-page file; 0 for one page).
-- articles.page_id names an article's page; articles.own_date overrides the page's date
-- (a reprint); articles.date stays the effective date (own_date, else the page's), so the
-- date index, sort and filters keep working unchanged.
--
-- Existing libraries: each source gets its page record; the date guessed before (from a
-- file name or, wrongly, from body text) is kept but marked "guessed, unconfirmed".
CREATE TABLE page_records (
    id        INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    seq       INTEGER NOT NULL DEFAULT 0,
    paper     TEXT,
    date      TEXT,                          -- YYYY-MM-DD; NULL = missing, never guessed
    page      TEXT,                          -- as numbered: "3", "1-4"
    section   TEXT,
    edition   TEXT,
    notes     TEXT NOT NULL DEFAULT '',
    reasons   TEXT NOT NULL DEFAULT '{}',    -- JSON: field -> where its value came from
    UNIQUE (source_id, seq)
);
CREATE INDEX page_records_paper ON page_records(paper, date);

-- No foreign key on page_id: sources (and so page records) are never deleted, and a plain
-- column can be dropped again (tests rebuild older schemas that way).
ALTER TABLE articles ADD COLUMN page_id INTEGER;
ALTER TABLE articles ADD COLUMN own_date TEXT;

INSERT INTO page_records(source_id, seq, date, reasons)
    SELECT id, 0, date, CASE WHEN date IS NULL THEN '{}' ELSE '{"date": "guessed, unconfirmed"}' END
    FROM sources;
UPDATE articles SET page_id = (SELECT p.id FROM page_records p WHERE p.source_id = articles.source_id AND p.seq = 0);
CREATE INDEX articles_page ON articles(page_id);
