"""Edition metadata in the library (db/0008): each source page's record (paper, date,
page, section, edition, notes, and why each value is what it is) and an article's own
date over its page's. Changes return a snapshot of what they replaced, which
restore_editions puts back: the GUI's undo."""
from __future__ import annotations

import json

from archivist import edition
from archivist.store import records
from archivist.store.errors import NotFound

_COLS = ("id", "source_id", "seq", "paper", "date", "page", "section", "edition", "notes", "reasons")


def _record(row) -> dict:
    out = dict(zip(_COLS, row))
    out["reasons"] = json.loads(out["reasons"] or "{}")
    return out


class EditionMixin:
    """Needs self._conn, self._write(), self._ids(), self._chunks()."""

    def page_record(self, page_id: int) -> dict:
        row = self._conn.execute(f"SELECT {', '.join(_COLS)} FROM page_records WHERE id = ?", (int(page_id),)).fetchone()
        if row is None:
            raise NotFound(f"no page record #{page_id}")
        return _record(row)

    def edition_of(self, article_id: int) -> dict:
        """The article's page record (its fields, reasons and id as page_id), its own date
        (None: it has the page's) and the date it is listed under."""
        row = self._conn.execute("SELECT page_id, own_date, date FROM articles WHERE id = ?",
                                 (int(article_id),)).fetchone()
        if row is None:
            raise NotFound(f"no article #{article_id}")
        page = self.page_record(row[0]) if row[0] is not None else {
            **dict.fromkeys(edition.EDITABLE), "notes": "", "reasons": {}, "id": None}
        out = {f: page[f] for f in edition.EDITABLE}
        out.update(page_id=page["id"], reasons=page["reasons"], own_date=row[1], effective_date=row[2],
                   article_id=int(article_id))
        return out

    def page_ids_of(self, article_ids) -> list[int]:
        ids = self._ids(article_ids)
        found: set[int] = set()
        for part, marks in self._chunks(ids):
            found.update(r[0] for r in self._conn.execute(
                f"SELECT DISTINCT page_id FROM articles WHERE id IN ({marks}) AND page_id IS NOT NULL", part))
        return sorted(found)

    def article_ids_of_pages(self, page_ids) -> list[int]:
        ids = self._ids(page_ids)
        out: list[int] = []
        for part, marks in self._chunks(ids):
            out += [r[0] for r in self._conn.execute(
                f"SELECT id FROM articles WHERE page_id IN ({marks}) ORDER BY id", part)]
        return out

    def set_edition(self, article_ids, values: dict, reason: str = edition.BY_HAND) -> dict:
        """Set fields of the page records of these articles (paper, date, page, section,
        edition, notes; None or "" clears one, shown as missing then) and/or "own_date" of
        the articles themselves. One transaction. Returns the snapshot to undo it with."""
        unknown = set(values) - {*edition.EDITABLE, "own_date"}
        if unknown:
            raise ValueError(f"unknown edition fields: {sorted(unknown)}")
        values = dict(values)
        for key in ("date", "own_date"):
            if key in values:
                values[key] = edition.check_date(values[key])
        for key in ("paper", "page", "section", "edition"):
            if key in values:
                values[key] = (str(values[key]).strip() or None) if values[key] is not None else None
        ids = self._ids(article_ids)
        with self._write():
            snap = self._snapshot(ids)
            page_fields = {k: v for k, v in values.items() if k != "own_date"}
            for page in snap["pages"]:
                reasons = dict(page["reasons"])
                for key, value in page_fields.items():
                    if key == "notes":
                        continue
                    if value is None:
                        reasons.pop(key, None)
                    else:
                        reasons[key] = reason
                if key_values := {k: ("" if k == "notes" and v is None else v) for k, v in page_fields.items()}:
                    sets = ", ".join(f"{k} = ?" for k in key_values)
                    self._conn.execute(f"UPDATE page_records SET {sets}, reasons = ? WHERE id = ?",
                                       [*key_values.values(), json.dumps(reasons, ensure_ascii=False), page["id"]])
            if "own_date" in values:
                for part, marks in self._chunks(ids):
                    self._conn.execute(f"UPDATE articles SET own_date = ? WHERE id IN ({marks})",
                                       [values["own_date"], *part])
            self._sync_dates([p["id"] for p in snap["pages"]], ids)
        return snap

    def _snapshot(self, article_ids: list[int]) -> dict:
        pages = [self.page_record(i) for i in self.page_ids_of(article_ids)]
        own: dict[int, str | None] = {}
        for part, marks in self._chunks(article_ids):
            own.update(self._conn.execute(f"SELECT id, own_date FROM articles WHERE id IN ({marks})", part))
        return {"pages": pages, "own_dates": own}

    def restore_editions(self, snapshot: dict) -> dict:
        """Put back what a snapshot holds (undo); returns the snapshot of what it replaced (redo)."""
        with self._write():
            ids = [int(i) for i in snapshot["own_dates"]]
            now = self._snapshot(ids)
            for page in snapshot["pages"]:
                self._conn.execute(
                    "UPDATE page_records SET paper = ?, date = ?, page = ?, section = ?, edition = ?, notes = ?,"
                    " reasons = ? WHERE id = ?",
                    (page["paper"], page["date"], page["page"], page["section"], page["edition"], page["notes"],
                     json.dumps(page["reasons"], ensure_ascii=False), page["id"]))
            for article_id, own in snapshot["own_dates"].items():
                self._conn.execute("UPDATE articles SET own_date = ? WHERE id = ?", (own, int(article_id)))
            self._sync_dates([p["id"] for p in snapshot["pages"]], ids)
        return now

    def _sync_dates(self, page_ids: list[int], article_ids: list[int]) -> None:
        """articles.date (what lists sort and filter by) = own date, else the page's;
        sources.date follows the first page (bundles and older readers read it)."""
        stamp = records.now()
        for part, marks in self._chunks(list(page_ids)):
            self._conn.execute(
                f"UPDATE articles SET date = coalesce(own_date, (SELECT p.date FROM page_records p"
                f" WHERE p.id = articles.page_id)), updated_at = ? WHERE page_id IN ({marks})", [stamp, *part])
            self._conn.execute(
                f"UPDATE sources SET date = (SELECT p.date FROM page_records p WHERE p.source_id = sources.id"
                f" AND p.seq = 0) WHERE id IN (SELECT source_id FROM page_records WHERE id IN ({marks}))", part)
        for part, marks in self._chunks(list(article_ids)):
            self._conn.execute(
                f"UPDATE articles SET date = coalesce(own_date, (SELECT p.date FROM page_records p"
                f" WHERE p.id = articles.page_id)), updated_at = ? WHERE id IN ({marks})", [stamp, *part])

    def add_page_record(self, source_id: int, values: dict, reasons: dict | None = None) -> int:
        """A page record of the source with these values (a review library's pages, made
        from a bundle's editions). Returns its id."""
        with self._write():
            seq = self._conn.execute("SELECT coalesce(max(seq) + 1, 0) FROM page_records WHERE source_id = ?",
                                     (int(source_id),)).fetchone()[0]
            return self._conn.execute(
                "INSERT INTO page_records(source_id, seq, paper, date, page, section, edition, notes, reasons)"
                " VALUES (?,?,?,?,?,?,?,?,?)",
                (int(source_id), seq, *(values.get(f) or None for f in edition.FIELDS), values.get("notes") or "",
                 json.dumps(reasons or {}, ensure_ascii=False))).lastrowid

    def place_on_page(self, article_id: int, page_id: int, own_date: str | None = None) -> None:
        """The article is on this page record, with its own date (None: the page's)."""
        with self._write():
            self._conn.execute("UPDATE articles SET page_id = ?, own_date = ? WHERE id = ?",
                               (int(page_id), own_date, int(article_id)))
            self._sync_dates([int(page_id)], [int(article_id)])

    def browse_tree(self) -> list[tuple]:
        """(paper, date, page, articles) for every page with articles in the library (trash
        left out), for the browse tree paper → year → month → day → page."""
        return [tuple(r) for r in self._conn.execute(
            "SELECT p.paper, a.date, p.page, count(*) FROM articles a LEFT JOIN page_records p ON p.id = a.page_id"
            " WHERE a.trashed_at IS NULL GROUP BY p.paper, a.date, p.page"
            " ORDER BY p.paper IS NULL, p.paper, a.date IS NULL, a.date, CAST(p.page AS INTEGER), p.page")]
