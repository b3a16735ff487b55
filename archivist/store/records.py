"""Low-level writes shared by import, editing and the split editor: one article's row,
its revisions, fixes and search-index entry. Callers hold the write transaction."""
from __future__ import annotations

import json
import sqlite3
import zlib
from datetime import datetime, timezone

from archivist.model import Article
from archivist.store import delta, normalize
from archivist.store.sortkey import headline_key


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def clean_article(d: dict) -> dict:
    """The split/1 article fields only (meta keys such as id/tags are dropped), in the
    canonical shape Article.to_dict gives, so equal articles compare equal."""
    return Article.from_dict(d).to_dict()


def search_fields(article: dict) -> tuple[str, str]:
    """(headline, body) text of an article as the search sees it. Fields are joined with a
    newline, which is a word break, so no match spans two fields."""
    head = [article.get("kicker"), article.get("headline"), article.get("subtitle")]
    body: list[str | None] = list(article.get("deck") or [])
    blocks = [b.get("text") for b in article.get("blocks") or []]
    dateline = article.get("dateline")
    if dateline and not (blocks and (blocks[0] or "").startswith(dateline)):
        body.append(dateline)  # usually it also opens the first paragraph: index it once
    body.extend(blocks)
    body.extend(article.get("captions") or [])
    body.extend(article.get("byline") or [])
    return ("\n".join(s for s in head if s), "\n".join(s for s in body if s))


def pack_article(article_json: str) -> bytes:
    """A revision's full article JSON as stored: zlib-compressed, a third of its size for
    Chinese text (revisions were a quarter of the database). Deltas (base_id set) stay text."""
    return zlib.compress(article_json.encode("utf-8"), 6)


def unpack_article(stored: bytes | str) -> dict:
    """A stored full revision in either form: compressed (bytes) or the plain JSON text
    of rows written before compression (they stay so until rewritten)."""
    if isinstance(stored, bytes):
        stored = zlib.decompress(stored).decode("utf-8")
    return json.loads(stored)


def prepare(article: dict) -> dict:
    """The CPU work of storing an article that needs no library (revision JSON, index
    text, near-duplicate bands), so an import can do it in a worker process."""
    from archivist.store import duplicates  # noqa: PLC0415 - duplicates imports this module

    head, body = search_fields(article)
    return {"packed": pack_article(json.dumps(article, ensure_ascii=False)),
            "index": index_texts(head, body),
            "bands": duplicates.band_hashes(duplicates.comparable_text(article))}


def index_texts(head: str, body: str) -> tuple[str, str, str, str]:
    """(headline, body) for article_fts, then (headline, body) for article_bigram (the
    headline ones also go to article_head). Each body starts with its index's break
    token: no query produces it, so it changes no match, and `MATCH 'qq'` / `MATCH 'q'`
    finds every indexed article (the tables keep no per-row sizes to count them by;
    see db/0006)."""
    return (normalize.index_text(head), f"{normalize.BREAK_TOKEN} {normalize.index_text(body)}",
            normalize.pair_index_text(head), f"{normalize.PAIR_BREAK} {normalize.pair_index_text(body)}")


def indexed_count(conn: sqlite3.Connection, table: str = "article_fts") -> int:
    """How many articles the search index holds (for consistency checks)."""
    token = normalize.BREAK_TOKEN if table == "article_fts" else normalize.PAIR_BREAK
    return conn.execute(f"SELECT count(*) FROM {table} WHERE {table} MATCH ?", (token,)).fetchone()[0]


def index_article(conn: sqlite3.Connection, article_id: int, article: dict,
                  texts: tuple[str, str, str, str] | None = None) -> None:
    if texts is None:
        texts = index_texts(*search_fields(article))
    conn.execute("INSERT INTO article_fts(rowid, headline, body) VALUES (?, ?, ?)", (article_id, *texts[:2]))
    conn.execute("INSERT INTO article_bigram(rowid, headline, body) VALUES (?, ?, ?)", (article_id, *texts[2:]))
    conn.execute("INSERT INTO article_head(rowid, chars, pairs) VALUES (?, ?, ?)", (article_id, texts[0], texts[2]))


def unindex_article(conn: sqlite3.Connection, article_id: int, article: dict) -> None:
    # A contentless FTS5 table deletes by being told the exact text that was indexed;
    # the index fingerprint (normalize.fingerprint) guarantees it is recomputed the same.
    texts = index_texts(*search_fields(article))
    conn.execute("INSERT INTO article_fts(article_fts, rowid, headline, body) VALUES ('delete', ?, ?, ?)",
                 (article_id, *texts[:2]))
    conn.execute("INSERT INTO article_bigram(article_bigram, rowid, headline, body) VALUES ('delete', ?, ?, ?)",
                 (article_id, *texts[2:]))
    conn.execute("INSERT INTO article_head(article_head, rowid, chars, pairs) VALUES ('delete', ?, ?, ?)",
                 (article_id, texts[0], texts[2]))


def add_revision(conn: sqlite3.Connection, article_id: int, article: dict, author: str,
                 parent_id: int | None, note: str = "", revision_id: int | None = None,
                 packed: bytes | None = None) -> int:
    """`packed`: the article's pack_article, when already made (records.prepare)."""
    if packed is None:
        packed = pack_article(json.dumps(article, ensure_ascii=False))
    cur = conn.execute(
        "INSERT INTO revisions(id, article_id, parent_id, author, note, created_at, article) VALUES (?,?,?,?,?,?,?)",
        (revision_id, article_id, parent_id, author, note, now(), packed))
    revision_id = cur.lastrowid
    fixes = article.get("fixes")
    if fixes:
        conn.executemany(
            "INSERT INTO fixes(revision_id, idx, rule, action, before, after, field, block, start, reason, reverted)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [(revision_id, i, f.get("rule", ""), f.get("action", ""), f.get("before", ""), f.get("after", ""),
              f.get("field", "blocks"), f.get("block"), f.get("start"), f.get("reason", ""),
              int(bool(f.get("reverted")))) for i, f in enumerate(fixes)])
    return revision_id


def insert_article(conn: sqlite3.Connection, source_id: int, position: int, article: dict,
                   date: str | None, author: str = "import", prepared: dict | None = None,
                   page_id: int | None = None, original: tuple[int, float] | None = None) -> int:
    """`original`: (id, similarity) of the article this one is a near copy of
    (duplicates.find_original), written with the row: setting duplicate_of afterwards,
    a foreign key, made SQLite open a statement savepoint, at which FTS5 writes its
    pending index data out as a new small segment (more merging for every later commit)."""
    stamp = now()
    # The article row names its first revision up front (the foreign key is deferred to
    # the commit): an UPDATE afterwards cost more than both inserts together. The id is
    # the one SQLite would pick (max + 1); the caller holds the write transaction.
    revision_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM revisions").fetchone()[0]
    article_id = conn.execute(
        "INSERT INTO articles(source_id, position, headline, headline_key, date, created_at, updated_at,"
        " current_revision_id, page_id, duplicate_of, similarity) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (source_id, position, article.get("headline"), headline_key(article.get("headline")), date, stamp, stamp,
         revision_id, page_id, *(original or (None, None)))).lastrowid
    prepared = prepared or {}
    add_revision(conn, article_id, article, author, None, revision_id=revision_id, packed=prepared.get("packed"))
    index_article(conn, article_id, article, prepared.get("index"))
    return article_id


def current_article(conn: sqlite3.Connection, article_id: int) -> tuple[int, dict] | None:
    row = conn.execute(
        "SELECT r.id, r.article FROM articles a JOIN revisions r ON r.id = a.current_revision_id WHERE a.id = ?",
        (article_id,)).fetchone()
    return None if row is None else (row[0], unpack_article(row[1]))


def revision_article(conn: sqlite3.Connection, revision_id: int) -> dict | None:
    """Any revision's article, rebuilt from the newer revisions its delta chain leads to."""
    chain: list[str] = []
    rid = int(revision_id)
    while True:
        row = conn.execute("SELECT article, base_id FROM revisions WHERE id = ?", (rid,)).fetchone()
        if row is None:
            return None
        if row[1] is None:
            break
        chain.append(row[0])
        rid = row[1]
    article = unpack_article(row[0])
    for older in reversed(chain):
        article = delta.apply(article, older)
    return article


def update_article(conn: sqlite3.Connection, article_id: int, article: dict, author: str,
                   note: str = "") -> int:
    """A new revision whose parent is the current one; re-indexes. Returns its id, or the
    current revision's id when nothing changed (no empty revisions)."""
    found = current_article(conn, article_id)
    if found is None:
        from archivist.store.errors import NotFound  # noqa: PLC0415

        raise NotFound(f"no article #{article_id}")
    parent_id, old = found
    if old == article:
        return parent_id
    revision_id = add_revision(conn, article_id, article, author, parent_id, note)
    # The parent becomes a delta against its child: an edit costs about what it changed.
    older = delta.make(article, old)
    conn.execute("UPDATE revisions SET article = ?, base_id = ? WHERE id = ? AND base_id IS NULL",
                 (older, revision_id, parent_id))
    conn.execute("DELETE FROM fixes WHERE revision_id = ?", (parent_id,))
    conn.execute("UPDATE articles SET current_revision_id = ?, headline = ?, headline_key = ?, updated_at = ?"
                 " WHERE id = ?", (revision_id, article.get("headline"), headline_key(article.get("headline")), now(),
                                   article_id))
    unindex_article(conn, article_id, old)
    index_article(conn, article_id, article)
    return revision_id
