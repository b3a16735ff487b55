"""Full-text search over the library (DESIGN §5) and the snippets shown for each hit.

The index holds one token per character (article_fts), one per pair of consecutive
characters (article_bigram; see normalize.py), and both for the headline text alone
(article_head, for the headline tier of relevance). A query becomes one phrase per word,
AND-ed: words of two or more characters on the pair index, the others on article_fts
(filters.Target). Anything a user types is taken literally: FTS syntax characters are
word breaks and never reach FTS5 as syntax, so a query can only return rows or nothing.
Snippets and highlight positions are computed on the original text by finding the
query words in its normalised form, so they match exactly what the index matched.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from archivist.store import normalize
from archivist.store.filters import ARTICLE_JOINS, ArticleFilter, Target, match_target, order_by, where
from archivist.store.records import search_fields, unpack_article

# bm25 column weights: a hit in the headline counts more than one in the body.
HEADLINE_WEIGHT, BODY_WEIGHT = 5.0, 1.0
SNIPPET_CHARS = 120
SNIPPET_LEAD = 30


@dataclass
class Hit:
    id: int
    score: float                      # bm25: lower is better (FTS5 convention); 0 for date sort
    headline: str
    snippet: str                      # a verbatim piece of the article (newlines as spaces)
    highlights: list[tuple[int, int]] = field(default_factory=list)           # in snippet
    headline_highlights: list[tuple[int, int]] = field(default_factory=list)  # in headline
    date: str | None = None


def find_matches(text: str, query: str) -> list[tuple[int, int]]:
    """(start, end) spans of every query word in `text`, on the original characters.
    Overlapping spans are merged. Useful to highlight any field of an article."""
    words = normalize.query_words(query)
    if not words or not text:
        return []
    norm = normalize.plain(text)
    if len(norm) == len(text):
        offsets = None  # the usual case: one normalised character per original one
    else:
        norm, offsets = normalize.plain_with_offsets(text)
    spans = []
    for word in words:
        pos = norm.find(word)
        while pos != -1:
            end = pos + len(word)
            spans.append((pos, end) if offsets is None else (offsets[pos], offsets[end - 1] + 1))
            pos = norm.find(word, pos + 1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


PREFIX_CHARS = 600


def _leading_matches(text: str, query: str) -> list[tuple[int, int]]:
    """find_matches for what a snippet shows, normalising as little of the text as it
    can (normalising whole bodies was a third of a search's time): up to just past the
    first place a word occurs verbatim (the first normalised match cannot be later), else
    the first PREFIX_CHARS. Exact whenever the window make_snippet cuts lies inside the
    normalised part; otherwise the whole text is done."""
    words = normalize.query_words(query)
    longest = max(map(len, words), default=0)
    if len(text) <= 2 * SNIPPET_CHARS or longest >= SNIPPET_LEAD:
        return find_matches(text, query)
    verbatim = [i for i in (text.find(w) for w in words) if i >= 0]
    for k in ([min(verbatim) + SNIPPET_CHARS + 3 * longest + 1] if verbatim else []) + [PREFIX_CHARS]:
        if k >= len(text):
            break
        spans = find_matches(text[:k], query)
        # The window starts at most SNIPPET_LEAD before the first match and is SNIPPET_CHARS
        # long; every span in it must end clear of the cut, where a match cut in two (or
        # merged with a later one) could continue.
        if spans and all(e < k - longest for s, e in spans if s < spans[0][0] + SNIPPET_CHARS):
            return spans
    return find_matches(text, query)


def make_snippet(text: str, spans: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """A window of the text around the first match, with the matches inside it."""
    start = max(0, spans[0][0] - SNIPPET_LEAD) if spans else 0
    end = min(len(text), start + SNIPPET_CHARS)
    for s, e in spans:  # never cut a match in two at the window's end
        if s < end < e:
            end = e
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix) - start
    inside = [(max(s, start) + shift, min(e, end) + shift) for s, e in spans if s < end and e > start]
    return prefix + text[start:end].replace("\n", " ") + suffix, inside


class SearchMixin:
    """Library.search / search_count; needs self._conn (a read connection will do)."""

    def _index_only(self, flt: ArticleFilter | None) -> bool:
        """True when the index alone answers: no filter and nothing in the trash. Joining
        every match to `articles` costs more than the match itself for broad queries."""
        cond, _ = where(flt, with_query=False)
        if cond != where(None, with_query=False)[0]:
            return False
        return self._conn.execute("SELECT 1 FROM articles WHERE trashed_at IS NOT NULL LIMIT 1").fetchone() is None

    def search_count(self, query: str, flt: ArticleFilter | None = None) -> int:
        target = match_target(query)
        if target is None:
            return 0
        if self._index_only(flt):
            fts, match, match_params = target.match("rowid")
            return self._conn.execute(f"SELECT count(*) FROM {fts} WHERE {match}", match_params).fetchone()[0]
        fts, match, match_params = target.match("a.id")
        cond, params = where(flt, with_query=False)
        sql = f"SELECT count(*) FROM {fts} JOIN articles a ON a.id = {fts}.rowid WHERE {match} AND {cond}"
        return self._conn.execute(sql, [*match_params, *params]).fetchone()[0]

    def search(self, query: str, flt: ArticleFilter | None = None, sort: str = "relevance",
               limit: int = 50, offset: int = 0, descending: bool = True) -> list[Hit]:
        """Hits for `query` within `flt` (flt.query is not used here). sort="relevance"
        (headline hits first, then the rest, each by bm25; see _ranked) or any list_ids
        sort ("date": newest first unless descending=False)."""
        target = match_target(query)
        if target is None:
            return []
        if sort == "relevance":
            ranked = self._ranked(target, flt, int(limit), int(offset))
        else:
            fts, match, match_params = target.match("a.id")
            cond, params = where(flt, with_query=False)
            ranked = self._conn.execute(
                f"SELECT a.id, 0.0 FROM {fts} JOIN articles a ON a.id = {fts}.rowid"
                f" {ARTICLE_JOINS}"
                f" WHERE {match} AND {cond}"
                f" ORDER BY {order_by(sort, descending)} LIMIT ? OFFSET ?",
                [*match_params, *params, int(limit), int(offset)]).fetchall()
        # The article text is read for the page of hits only, not carried through the sort.
        texts = {}
        ids = [r[0] for r in ranked]
        for i in range(0, len(ids), 500):
            part = ids[i:i + 500]
            texts.update((r[0], r[1:]) for r in self._conn.execute(
                f"SELECT a.id, r.article, a.date FROM articles a JOIN revisions r ON r.id = a.current_revision_id"
                f" WHERE a.id IN ({','.join('?' * len(part))})", part))
        return [self._hit(article_id, score, *texts[article_id], query) for article_id, score in ranked]

    def _ranked(self, target: Target, flt: ArticleFilter | None, limit: int, offset: int) -> list[tuple[int, float]]:
        """(id, bm25) best first, in two tiers: articles with every word in the headline
        (kicker/headline/subtitle), by bm25 over the headline text (article_head); then the
        others, by bm25 over headline (×5) and body. A headline hit is what an archivist
        looks for first, and it bounds the work: a broad query (one common character
        matches every article) fills its page from the small headline index and never
        scores the whole library. Otherwise one more pass ranks all matches."""
        index_only = self._index_only(flt)
        cond, params = where(flt, with_query=False)
        id_col = "rowid" if index_only else "a.id"

        def select(headline: bool) -> tuple[str, list]:
            # The headline tier is found and ranked in article_head (headline text only).
            table, match, match_params = target.match(id_col, headline)
            rank = f"bm25({table})" if headline else f"bm25({table}, {HEADLINE_WEIGHT}, {BODY_WEIGHT})"
            if index_only:
                return f"SELECT rowid, {rank} AS score FROM {table} WHERE {match}", match_params
            return (f"SELECT a.id, {rank} AS score FROM {table} JOIN articles a ON a.id = {table}.rowid"
                    f" WHERE {match} AND {cond}", [*match_params, *params])

        order = f" ORDER BY score, {id_col} DESC"
        head_sql, head_params = select(True)
        first = self._conn.execute(head_sql + order + " LIMIT ? OFFSET ?", [*head_params, limit, offset]).fetchall()
        if len(first) == limit:
            return first
        # The headline tier is used up. How many it holds decides where the rest starts.
        if first or offset == 0:
            held_ids = [r[0] for r in self._conn.execute(head_sql + order, head_params)] \
                if offset else [r[0] for r in first]
        else:
            held_ids = [r[0] for r in self._conn.execute(head_sql, head_params)]
        rest_sql, rest_params = select(False)
        if held_ids:  # one JSON parameter, however large the headline tier
            rest_sql += f" AND {id_col} NOT IN (SELECT value FROM json_each(?))"
            rest_params.append(json.dumps(held_ids))
        skip = max(0, offset - len(held_ids))
        return first + self._conn.execute(rest_sql + order + " LIMIT ? OFFSET ?",
                                          [*rest_params, limit - len(first), skip]).fetchall()

    @staticmethod
    def _hit(article_id: int, score: float, article_json: str, date: str | None, query: str) -> Hit:
        article = unpack_article(article_json)
        head, body = search_fields(article)
        headline = article.get("headline") or head.replace("\n", " ")
        body_spans = _leading_matches(body, query)
        text = body if body_spans or not head else head
        snippet, highlights = make_snippet(text, body_spans if text is body else find_matches(text, query))
        return Hit(article_id, float(score), headline, snippet, highlights,
                   find_matches(headline, query), date)
