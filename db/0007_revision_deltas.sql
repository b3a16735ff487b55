-- Older revisions stored as a delta: an edit cost the whole article's JSON again (and
-- every fix row again), ~17 KB + 7 KB for a one-character change of a sample article.
--
-- base_id NULL: `article` is the full JSON (always so for an article's current revision).
-- base_id set: `article` is a line delta (archivist.store.delta) that rebuilds this
-- revision from revision base_id, the one made after it. When a new revision is added,
-- its parent's full JSON is replaced by such a delta; what the parent was never changes.
-- The fixes table holds the current revisions' fixes; older ones are in their JSON.
ALTER TABLE revisions ADD COLUMN base_id INTEGER;
