-- Schema version 12: new near-duplicate bands go to a small intake table first (issue 18).
--
-- minhash_bands is keyed by random band hashes, so once it is larger than an import's
-- transaction every new band row lands on a page of its own: at 150,000 articles an
-- article's 16 rows dirtied 16 pages (64 KB written to the WAL and again at the
-- checkpoint, 38× the article text), and the cost per MB grew with the library. Rows go
-- to minhash_bands_recent instead (small enough to stay in the writer's cache, so a
-- transaction's rows share its pages); lookups read both tables; when the intake holds
-- duplicates.INTAKE_ARTICLES articles it is folded into minhash_bands band by band in key
-- order (duplicates.fold_intake), each band one short transaction between import groups.
CREATE TABLE minhash_bands_recent (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    band       INTEGER NOT NULL,
    hash       INTEGER NOT NULL,
    PRIMARY KEY (band, hash, article_id)
) WITHOUT ROWID;
CREATE INDEX minhash_bands_recent_article ON minhash_bands_recent(article_id);
