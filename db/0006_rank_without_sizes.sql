-- Schema version 6: both search indexes without per-row sizes (columnsize=0).
-- bm25 read each matching row's size from the *_docsize table, a lookup that was ~80% of
-- ranking time: a broad query spent 40–80 ms on it. Without it bm25 has no document
-- length to normalise by (it ranks by how often and where the words occur, and which
-- words are rare), and ties go to the newest article. Every body's index text starts
-- with the break token, so `MATCH 'qq'` (or 'q' in the pair index) counts indexed rows.
-- Contentless tables cannot be altered: they are made anew, and the index fingerprint
-- (normalize.NORM_VERSION 4) changed with them, so opening the library re-indexes both.
DROP TABLE article_fts;
DROP TABLE article_bigram;
CREATE VIRTUAL TABLE article_fts USING fts5(
    headline, body,
    content = '',
    columnsize = 0,
    tokenize = 'unicode61 remove_diacritics 0'
);
CREATE VIRTUAL TABLE article_bigram USING fts5(
    headline, body,
    content = '',
    columnsize = 0,
    tokenize = 'unicode61 remove_diacritics 0'
);
