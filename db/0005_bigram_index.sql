-- Schema version 5: a second search index whose tokens are overlapping character pairs
-- (DESIGN §5). A query word of two or more characters becomes a phrase of consecutive
-- pairs, which matches exactly where the word occurs, but reads far shorter doclists than
-- the one-character index for common characters and Latin words: matching and bm25 over
-- such queries get much cheaper. One-character words stay on article_fts.
-- The table starts empty; the index fingerprint (normalize.fingerprint) changed with it,
-- so opening the library re-indexes both tables.
CREATE VIRTUAL TABLE article_bigram USING fts5(
    headline, body,
    content = '',
    tokenize = 'unicode61 remove_diacritics 0'
);
