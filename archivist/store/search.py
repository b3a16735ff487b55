"""Full-text search over the library (DESIGN §5) and the snippets shown for each hit.

The index holds one token per character (see normalize.py); a query becomes one phrase
per word, AND-ed. Anything a user types is taken literally: FTS syntax characters are
word breaks and never reach FTS5 as syntax, so a query can only return rows or nothing.
Snippets and highlight positions are computed on the original text by finding the
query words in its normalised form, so they match exactly what the index matched.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from archivist.store import normalize
from archivist.store.filters import ArticleFilter, match_expression, order_by, where
from archivist.store.records import search_fields

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

    def search_count(self, query: str, flt: ArticleFilter | None = None) -> int:
        expr = match_expression(query)
        if expr is None:
            return 0
        cond, params = where(flt, with_query=False)
        sql = (f"SELECT count(*) FROM article_fts JOIN articles a ON a.id = article_fts.rowid"
               f" WHERE article_fts MATCH ? AND {cond}")
        return self._conn.execute(sql, [expr, *params]).fetchone()[0]

    def search(self, query: str, flt: ArticleFilter | None = None, sort: str = "relevance",
               limit: int = 50, offset: int = 0, descending: bool = True) -> list[Hit]:
        """Hits for `query` within `flt`. sort="relevance" (bm25, best first) or any
        list_ids sort ("date" newest first unless descending=False)."""
        expr = match_expression(query)
        if expr is None:
            return []
        cond, params = where(flt, with_query=False)
        if sort == "relevance":
            score = f"bm25(article_fts, {HEADLINE_WEIGHT}, {BODY_WEIGHT})"
            order = "score, a.id"
        else:
            score = "0.0"
            order = order_by(sort, descending)
        sql = (f"SELECT a.id, {score} AS score, r.article, a.date"
               f" FROM article_fts JOIN articles a ON a.id = article_fts.rowid"
               f" JOIN sources s ON s.id = a.source_id"
               f" JOIN revisions r ON r.id = a.current_revision_id"
               f" WHERE article_fts MATCH ? AND {cond} ORDER BY {order} LIMIT ? OFFSET ?")
        rows = self._conn.execute(sql, [expr, *params, int(limit), int(offset)]).fetchall()
        return [self._hit(row, query) for row in rows]

    @staticmethod
    def _hit(row, query: str) -> Hit:
        article_id, score, article_json, date = row
        article = json.loads(article_json)
        head, body = search_fields(article)
        headline = article.get("headline") or head.replace("\n", " ")
        body_spans = find_matches(body, query)
        text = body if body_spans or not head else head
        snippet, highlights = make_snippet(text, body_spans if text is body else find_matches(text, query))
        return Hit(article_id, float(score), headline, snippet, highlights,
                   find_matches(headline, query), date)
