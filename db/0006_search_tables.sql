-- Schema version 6: the search tables without per-row sizes, and a small headline index.
--
-- columnsize=0: bm25 read each matching row's size from a *_docsize table, a lookup that
-- was ~80% of ranking time (a broad query spent 40–80 ms on it). Without it bm25 has no
-- document length to normalise by: it ranks by how often and where the words occur and
-- how rare they are; ties go to the newest article. Every body's index text starts with
-- the break token, so `MATCH 'qq'` (or 'q' in the pair index) counts indexed rows.
--
-- article_head: the headline text (kicker, headline, subtitle) alone, one character per
-- token in `chars` and character pairs in `pairs` (as article_fts / article_bigram).
-- Relevance puts articles with every word in the headline first; finding and ranking
-- them here reads headline doclists only, not every body that holds a common character.
--
-- Contentless tables cannot be altered: they are made anew, and the index fingerprint
-- (normalize.NORM_VERSION 4) changed with them, so opening the library re-indexes.
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
CREATE VIRTUAL TABLE article_head USING fts5(
    chars, pairs,
    content = '',
    columnsize = 0,
    tokenize = 'unicode61 remove_diacritics 0'
);
