-- Schema version 2: near-duplicate articles (the same story in two papers or editions).
-- MinHash signatures are banded (locality-sensitive hashing); an article's band hashes
-- are looked up through the index, so finding candidates never scans the library.

ALTER TABLE articles ADD COLUMN duplicate_of INTEGER REFERENCES articles(id) ON DELETE SET NULL;
ALTER TABLE articles ADD COLUMN similarity REAL;

CREATE TABLE minhash_bands (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    band       INTEGER NOT NULL,
    hash       INTEGER NOT NULL,
    PRIMARY KEY (band, hash, article_id)
) WITHOUT ROWID;
CREATE INDEX minhash_bands_article ON minhash_bands(article_id);
CREATE INDEX articles_duplicate_of ON articles(duplicate_of);
