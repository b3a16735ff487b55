"""ArticleFilter: what the table view, the CLI and search narrow the library by, and
the SQL it becomes. Every value goes in as a parameter, never into the SQL text."""
from __future__ import annotations

from dataclasses import dataclass, field

from archivist.store import normalize

SORTS = {
    "date": "a.date IS NULL, a.date {d}, a.id {d}",
    "headline": "a.headline_key IS NULL, a.headline_key {d}, a.id {d}",   # pinyin order (store.sortkey)
    "source": "s.filename {d}, a.source_id {d}, a.position {d}",
    "status": "a.status {d}, a.id {d}",
    "id": "a.id {d}",
    "paper": "p.paper IS NULL, p.paper {d}, a.date {d}, a.id {d}",
    "page": "p.page IS NULL, CAST(p.page AS INTEGER) {d}, p.page {d}, a.id {d}",
    "section": "p.section IS NULL, p.section {d}, a.id {d}",
}
STATUSES = ("new", "reviewed")


@dataclass
class ArticleFilter:
    """All given conditions must hold. `tags`: each tag matches itself and every tag under
    it ("地区" matches "地区/青岛"). Dates are YYYY-MM-DD, inclusive. `trashed`: False =
    the library, True = the trash. `query`: search words, as Library.search takes them."""

    query: str | None = None
    tags: list[str] = field(default_factory=list)
    source_ids: list[int] | None = None
    date_from: str | None = None
    date_to: str | None = None
    status: str | None = None
    trashed: bool = False
    duplicates_only: bool = False
    # Edition fields of the article's page record; "" = the value is missing.
    paper: str | None = None
    page: str | None = None
    section: str | None = None
    no_date: bool = False


def match_expression(query: str) -> str | None:
    """The article_fts MATCH text for a user query: each word a phrase, words AND-ed. None
    when the query has no searchable characters (the result is then empty)."""
    words = normalize.query_words(query)
    if not words:
        return None
    return " AND ".join(normalize.fts_phrase(w) for w in words)


@dataclass(frozen=True)
class Target:
    """What answers a user query: `table` MATCH `expr`, and, when some words cannot be
    answered there, article_fts MATCH `chars` on the same rows (see match())."""

    table: str
    expr: str
    chars: str | None = None

    def match(self, rowid: str, headline: bool = False) -> tuple[str, str, list]:
        """(FTS table, SQL condition, its parameters) that hold for the rows with every
        word of the query; `rowid` is how the condition names the row (the table's own
        `rowid`, or `a.id` in a join). `headline`: every word in the headline, from the
        headline index (article_head). Words the table cannot answer are checked on
        article_fts; the + keeps SQLite from handing that IN list to the FTS table as
        rowid lookups: it is one set, built once."""
        if headline:
            column = "pairs" if self.table == "article_bigram" else "chars"
            table, expr = "article_head", f"{{{column}}} : ({self.expr})"
        else:
            table, expr = self.table, self.expr
        if self.chars is None:
            return table, f"{table} MATCH ?", [expr]
        other, chars = ("article_head", f"{{chars}} : ({self.chars})") if headline else ("article_fts", self.chars)
        return (table, f"{table} MATCH ? AND +{rowid} IN (SELECT rowid FROM {other} WHERE {other} MATCH ?)",
                [expr, chars])


def match_target(query: str) -> Target | None:
    """The index(es) that answer a user query; None as for match_expression. Words with
    two or more (pair) characters go to the pair index: its doclists are far shorter than
    those of single common characters. Other words (one character, or characters the pair
    index does not hold) go to article_fts, on the same rows. Both give the same rows."""
    words = normalize.query_words(query)
    if not words:
        return None
    pairs = [w for w in words if normalize.pair_word(w)]
    if not pairs:
        return Target("article_fts", " AND ".join(normalize.fts_phrase(w) for w in words))
    others = [w for w in words if not normalize.pair_word(w)]
    return Target("article_bigram", " AND ".join(normalize.pair_phrase(w) for w in pairs),
                  " AND ".join(normalize.fts_phrase(w) for w in others) if others else None)


# The joins SORTS and where() may name: s for the source file, p for the page record.
ARTICLE_JOINS = "JOIN sources s ON s.id = a.source_id LEFT JOIN page_records p ON p.id = a.page_id"


def listing_from(sort: str) -> str:
    """The FROM clause of a listing in this order. By source, the sources go first (CROSS
    JOIN fixes that order): read by file name from their index, each one's articles in
    page order, the listing streams with no sort of the whole library (issue 18). The
    index is named: without statistics the planner would rather read every article of a
    status filter once per source."""
    if sort == "source":
        return ("sources s CROSS JOIN articles a INDEXED BY articles_source ON a.source_id = s.id"
                " LEFT JOIN page_records p ON p.id = a.page_id")
    # No join to sources when the order does not name them (where() never does; every
    # article has its source): the sort index then answers alone, without reading each
    # article's row in index order (a headline listing at 636k took 7.4 s so).
    return "articles a LEFT JOIN page_records p ON p.id = a.page_id"


def where(flt: ArticleFilter | None, with_query: bool = True) -> tuple[str, list]:
    """SQL condition over `articles a` (and `sources s` is joinable) plus its parameters."""
    flt = flt or ArticleFilter()
    parts = ["a.trashed_at IS NOT NULL" if flt.trashed else "a.trashed_at IS NULL"]
    params: list = []
    for tag in flt.tags:
        parts.append(
            "EXISTS (SELECT 1 FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = a.id"
            " AND (t.name = ? OR (t.name >= ? AND t.name < ?)))")
        params += [tag, tag + "/", tag + "0"]  # '0' sorts right after '/': the subtree range
    if flt.source_ids is not None:
        ids = [int(i) for i in flt.source_ids]
        parts.append(f"a.source_id IN ({','.join('?' * len(ids))})" if ids else "0")
        params += ids
    if flt.date_from:
        parts.append("a.date >= ?")
        params.append(flt.date_from)
    if flt.date_to:
        parts.append("a.date <= ?")
        params.append(flt.date_to)
    if flt.status:
        if flt.status not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES}, not {flt.status!r}")
        parts.append("a.status = ?")
        params.append(flt.status)
    for column in ("paper", "page", "section"):
        value = getattr(flt, column)
        if value is not None:
            test = f"p.{column} IS NULL" if value == "" else f"p.{column} = ?"
            parts.append(f"EXISTS (SELECT 1 FROM page_records p WHERE p.id = a.page_id AND {test})"
                         if value else f"NOT EXISTS (SELECT 1 FROM page_records p WHERE p.id = a.page_id"
                         f" AND p.{column} IS NOT NULL)")
            params += [value] if value else []
    if flt.no_date:
        parts.append("a.date IS NULL")
    if flt.duplicates_only:
        parts.append("a.duplicate_of IS NOT NULL")
    if with_query and flt.query is not None:
        target = match_target(flt.query)
        if target is None:
            parts.append("0")
        else:
            table, match, match_params = target.match("rowid")
            parts.append(f"a.id IN (SELECT rowid FROM {table} WHERE {match})")
            params += match_params
    return " AND ".join(parts), params


def order_by(sort: str, descending: bool) -> str:
    if sort not in SORTS:
        raise ValueError(f"sort must be one of {sorted(SORTS)} or 'relevance', not {sort!r}")
    return SORTS[sort].format(d="DESC" if descending else "ASC")
