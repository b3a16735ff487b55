-- Schema version 4: indexes on the columns that point at a revision.
-- Inserting a revision makes SQLite look for rows pointing at it (foreign-key checks on
-- articles.current_revision_id, deferred, and revisions.parent_id); without these
-- indexes each lookup scanned the whole table, so importing slowed as the library grew.

CREATE INDEX articles_current_revision ON articles(current_revision_id);
CREATE INDEX revisions_parent ON revisions(parent_id);
