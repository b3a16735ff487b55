-- Indexes that serve the table's sorts (issue 18): at a million articles the first page
-- of a listing comes from an index in order, not from sorting every article first.
-- Each matches an order of filters.SORTS term by term. Undated / untitled rows come last
-- in both directions, so a descending sort is not the ascending index read backwards:
-- it has its own index. Partial (the library, not the trash): that is what is listed
-- at size; the trash is small and sorted as before.
--
-- headline_key: the headline's pinyin sort key (archivist.store.sortkey), written with
-- the headline; existing articles get theirs in batches at the next open
-- (headline_keys_upto, an article id; see store/backfill.py). Until then they sort as untitled.
ALTER TABLE articles ADD COLUMN headline_key TEXT;
INSERT OR REPLACE INTO meta(key, value) VALUES ('headline_keys_upto', '0');

CREATE INDEX articles_sort_date ON articles(date IS NULL, date, id) WHERE trashed_at IS NULL;
CREATE INDEX articles_sort_date_desc ON articles(date IS NULL, date DESC, id DESC) WHERE trashed_at IS NULL;
CREATE INDEX articles_sort_headline ON articles(headline_key IS NULL, headline_key, id) WHERE trashed_at IS NULL;
CREATE INDEX articles_sort_headline_desc ON articles(headline_key IS NULL, headline_key DESC, id DESC)
    WHERE trashed_at IS NULL;
CREATE INDEX articles_sort_status ON articles(status, id) WHERE trashed_at IS NULL;
-- By source: the sources by file name, then each one's articles (articles_source).
CREATE INDEX sources_filename ON sources(filename);

-- The old index on trashed_at answered "trashed_at IS NULL" (nearly every row) as if it
-- were selective, and the planner preferred it to the sort indexes: it now holds only
-- the trash, which is what it is good for.
DROP INDEX articles_trashed;
CREATE INDEX articles_trash ON articles(trashed_at) WHERE trashed_at IS NOT NULL;
