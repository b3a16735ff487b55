"""Per-page operations (the split editor works on one source's articles at a time),
tag suggestions and library statistics."""
from __future__ import annotations

from archivist.store import introspect, records, sourcetext
from archivist.store.errors import NotFound


class PagesMixin:
    """Needs self._conn, self._write(), self.path; CorrectionsMixin."""

    def source(self, source_id: int) -> dict:
        r = self._conn.execute(
            "SELECT id, sha256, filename, path, stored_path, size, encoding, kind, date, imported_at, furniture"
            " FROM sources WHERE id = ?", (int(source_id),)).fetchone()
        if r is None:
            raise NotFound(f"no source #{source_id}")
        keys = ("id", "sha256", "filename", "path", "stored_path", "size", "encoding", "kind", "date",
                "imported_at", "furniture")
        out = dict(zip(keys, r))
        out["file"] = str(self.folder / out["stored_path"])
        return out

    def source_list(self) -> list[dict]:
        """Every source (page) with its article count (trash left out), by filename:
        for a source filter."""
        return [{"id": r[0], "filename": r[1], "date": r[2], "articles": r[3]} for r in self._conn.execute(
            "SELECT s.id, s.filename, s.date, count(a.id) FROM sources s LEFT JOIN articles a"
            " ON a.source_id = s.id AND a.trashed_at IS NULL GROUP BY s.id ORDER BY s.filename, s.id")]

    def hits_for(self, ids, query: str) -> list:
        """Search hits (snippet + highlights, score 0) of `query` for the given articles,
        in the order given: what a view listing ids shows for its visible rows."""

        from archivist.store.search import Hit, find_matches, make_snippet  # noqa: PLC0415

        ids = [int(i) for i in ids][:500]
        found = {r[0]: r[1:] for r in self._conn.execute(
            f"SELECT a.id, r.article, a.date FROM articles a JOIN revisions r ON r.id = a.current_revision_id"
            f" WHERE a.id IN ({','.join('?' * len(ids))})", ids)} if ids else {}
        out = []
        for article_id in (i for i in ids if i in found):
            article_json, date = found[article_id]
            article = records.unpack_article(article_json)
            head, body = records.search_fields(article)
            headline = article.get("headline") or head.replace("\n", " ")
            spans = find_matches(body, query)
            text = body if spans or not head else head
            snippet, highlights = make_snippet(text, spans if text is body else find_matches(text, query))
            out.append(Hit(article_id, 0.0, headline, snippet, highlights, find_matches(headline, query), date))
        return out

    def source_layout(self, source_id: int) -> list[dict]:
        """Line boxes of a scanned or PDF source (archivist.scan layout records: page,
        bbox, size, text, para), [] for other sources or ones imported before they were kept."""
        import json  # noqa: PLC0415

        from archivist.store.importer import layout_path  # noqa: PLC0415

        target = self.folder / layout_path(self.source(source_id)["sha256"])
        try:
            return json.loads(target.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []

    def source_text(self, source_id: int) -> str:
        row = self._conn.execute("SELECT text, stored_path, encoding, sha256 FROM sources WHERE id = ?",
                                 (int(source_id),)).fetchone()
        if row is None:
            raise NotFound(f"no source #{source_id}")
        return sourcetext.page_text(self.folder, *row)

    def duplicate_links(self, ids) -> dict[int, int]:
        """id → the article it nearly duplicates, for those of these ids that are copies."""
        wanted = set(self._ids(ids))
        return {r[0]: r[1] for r in self._conn.execute(
            "SELECT id, duplicate_of FROM articles WHERE duplicate_of IS NOT NULL") if r[0] in wanted}

    def date_range(self) -> tuple[str | None, str | None]:
        """The first and last date of the library's articles (None, None when undated)."""
        # The first row of each date sort index (db/0011), not min()/max() over every
        # article: 0.2 s at 1M, at every open and write.
        first = "SELECT date FROM articles WHERE trashed_at IS NULL AND date IS NOT NULL ORDER BY date IS NULL, "
        return tuple(self._conn.execute(
            f"SELECT ({first}date, id LIMIT 1), ({first}date DESC, id DESC LIMIT 1)").fetchone())

    def source_articles(self, source_id: int) -> list[int]:
        """The page's articles in page order (trashed ones left out)."""
        return [r[0] for r in self._conn.execute(
            "SELECT id FROM articles WHERE source_id = ? AND trashed_at IS NULL ORDER BY position, id",
            (int(source_id),))]

    def replace_source_articles(self, source_id: int, articles: list[dict], author: str = "user",
                                note: str = "split editor") -> list[int]:
        """Make the page's articles exactly `articles`, in that order (the split editor's
        merge / split / move). A dict with the "id" of one of the page's articles updates
        it (new revision if changed); one without an id becomes a new article; the page's
        articles not named go to the trash (restorable). Returns the ids in order."""
        source_id = int(source_id)
        with self._write():
            row = self._conn.execute("SELECT date FROM sources WHERE id = ?", (source_id,)).fetchone()
            if row is None:
                raise NotFound(f"no source #{source_id}")
            # A new article (split off another) is on the page of the article before it.
            page_of = dict(self._conn.execute("SELECT id, page_id FROM articles WHERE source_id = ?", (source_id,)))
            first_page = self._conn.execute("SELECT id FROM page_records WHERE source_id = ? ORDER BY seq LIMIT 1",
                                            (source_id,)).fetchone()
            if author == "user":  # a person's correction: what the splitter made is kept first
                self._keep_baseline(source_id)
            own = set(page_of)
            out: list[int] = []
            for position, d in enumerate(articles):
                article = records.clean_article(d)
                article_id = d.get("id")
                if article_id is None:
                    page_id = page_of.get(out[-1]) if out else (first_page[0] if first_page else None)
                    page_date = self._conn.execute("SELECT date FROM page_records WHERE id = ?", (page_id,)).fetchone()
                    article_id = records.insert_article(self._conn, source_id, position, article,
                                                        page_date[0] if page_date else row[0], author, page_id=page_id)
                    page_of[article_id] = page_id
                else:
                    article_id = int(article_id)
                    if article_id not in own:
                        raise NotFound(f"article #{article_id} is not on source #{source_id}")
                    if article_id in out:
                        raise ValueError(f"article #{article_id} given twice")
                    records.update_article(self._conn, article_id, article, author, note)
                    self._conn.execute("UPDATE articles SET position = ?, trashed_at = NULL WHERE id = ?",
                                       (position, article_id))
                out.append(article_id)
            gone = sorted(own - set(out))
            self._conn.executemany(
                "UPDATE articles SET trashed_at = ? WHERE id = ? AND trashed_at IS NULL",
                [(records.now(), i) for i in gone])
            if author == "user":
                self._record_corrections(source_id)
            return out

    def suggest_tags(self, article_id: int, k: int = 8) -> list[str]:
        """Keywords of the article (jieba TF-IDF), for tag suggestions. jieba's dictionary
        takes ~0.5 s to load, so it is imported here, on first use, never on open/search."""
        found = records.current_article(self._conn, int(article_id))
        if found is None:
            raise NotFound(f"no article #{article_id}")
        head, body = records.search_fields(found[1])
        from archivist.store.keywords import keywords  # noqa: PLC0415

        return keywords(f"{head}\n{body}", k)

    def tables(self) -> list[dict]:
        """The database's tables, their rows, columns, indexes, triggers (introspect.tables)."""
        return introspect.tables(self._conn)

    def stats(self) -> dict:
        one = lambda sql: self._conn.execute(sql).fetchone()[0]  # noqa: E731
        # A page whose text is read from its file (sourcetext) counts its file's size.
        text_bytes = one("SELECT coalesce(sum(CASE WHEN text = '' THEN size ELSE length(CAST(text AS BLOB)) END), 0)"
                         " FROM sources")
        index_bytes = sum(one(f"SELECT coalesce(sum(length(block)), 0) FROM {t}_data")
                          for t in ("article_fts", "article_bigram", "article_head"))
        page_size = one("PRAGMA page_size")
        return {
            "library_id": self.library_id,
            "schema_version": self.schema_version,
            "articles": one("SELECT count(*) FROM articles WHERE trashed_at IS NULL"),
            "reviewed": one("SELECT count(*) FROM articles WHERE trashed_at IS NULL AND status = 'reviewed'"),
            "trashed": one("SELECT count(*) FROM articles WHERE trashed_at IS NOT NULL"),
            "duplicates": one("SELECT count(*) FROM articles WHERE trashed_at IS NULL AND duplicate_of IS NOT NULL"),
            "sources": one("SELECT count(*) FROM sources"),
            "revisions": one("SELECT count(*) FROM revisions"),
            "tags": one("SELECT count(*) FROM tags"),
            "text_bytes": text_bytes,
            "index_bytes": index_bytes,
            "database_bytes": one("PRAGMA page_count") * page_size,
            "path": str(self.path),
        }
