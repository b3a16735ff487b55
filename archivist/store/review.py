"""What review bundles need from the library (issue 6): content hashes of articles,
review libraries made from a bundle (articles with given ids, their base revisions) and
merge conflicts kept until someone resolves them. The policy lives in archivist.bundle;
this mixin only reads and writes rows."""
from __future__ import annotations

import hashlib
import json
from contextlib import contextmanager

from archivist.store import records
from archivist.store.errors import LibraryError, NotFound
from archivist.store.sortkey import headline_key
from archivist.store.tags import clean_tag

RESOLUTIONS = ("mine", "theirs")

CONFLICTS_SCHEMA = 3  # db/0003_review_bundles.sql made merge_conflicts


def article_sha256(article: dict) -> str:
    """Content hash of an article: its split/1 fields only (ids, tags, status and other
    meta are left out), canonical JSON, so equal content always hashes the same."""
    text = json.dumps(records.clean_article(article), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class ReviewMixin:
    """Needs self._conn, self._write(), self._store_bytes()."""

    @contextmanager
    def transaction(self):
        """One write transaction around many calls (a merge is all in or not at all)."""
        with self._write():
            yield

    # ---- review libraries -------------------------------------------------------------
    def review_info(self) -> dict | None:
        """For a review library: {"base_library_id", "bundle", …} as set when it was made."""
        row = self._conn.execute("SELECT value FROM meta WHERE key = 'review'").fetchone()
        return None if row is None else json.loads(row[0])

    def set_review_info(self, info: dict) -> None:
        with self._write():
            self._conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('review', ?)",
                               (json.dumps(info, ensure_ascii=False, sort_keys=True),))

    def add_source_record(self, source_id: int, sha256: str, filename: str, date: str | None,
                          data: bytes | None = None) -> None:
        """A source row with a given id (the desk library's), for a review library. The
        original bytes are stored when the bundle carried them; the text stays empty."""
        with self._write():
            if self._conn.execute("SELECT 1 FROM sources WHERE id = ?", (int(source_id),)).fetchone():
                return
            suffix = "." + filename.rsplit(".", 1)[1] if "." in filename else ""
            stored = self._store_bytes(data, sha256, suffix) if data is not None else f"files/missing/{sha256}"
            self._conn.execute(
                "INSERT INTO sources(id, sha256, filename, path, stored_path, size, encoding, kind, text, date,"
                " imported_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (int(source_id), sha256, filename, filename, stored, len(data or b""), "utf-8", "bundle", "",
                 date, records.now()))

    def add_article_with_id(self, article_id: int, source_id: int, position: int, article: dict,
                            date: str | None, status: str, tags: list[str], author: str = "bundle",
                            note: str = "") -> int:
        """An article under the id it has in another library (review libraries only).
        Returns its revision id here."""
        article = records.clean_article(article)
        with self._write():
            if self._conn.execute("SELECT 1 FROM articles WHERE id = ?", (int(article_id),)).fetchone():
                raise LibraryError(f"article #{article_id} is already in this library")
            stamp = records.now()
            self._conn.execute(
                "INSERT INTO articles(id, source_id, position, headline, headline_key, date, status, created_at,"
                " updated_at) VALUES (?,?,?,?,?,?,?,?,?)",
                (int(article_id), int(source_id), int(position), article.get("headline"),
                 headline_key(article.get("headline")), date,
                 status if status in ("new", "reviewed") else "new", stamp, stamp))
            revision_id = records.add_revision(self._conn, int(article_id), article, author, None, note)
            self._conn.execute("UPDATE articles SET current_revision_id = ? WHERE id = ?", (revision_id, article_id))
            records.index_article(self._conn, int(article_id), article)
            if tags:
                self.tag([int(article_id)], *tags)
            return revision_id

    def set_review_base(self, article_id: int, base_library_id: str, base_revision_id: int, base_sha256: str,
                        base_tags: list[str], base_status: str, base_edition: dict | None = None) -> None:
        with self._write():
            self._conn.execute(
                "INSERT OR REPLACE INTO review_bases(article_id, base_library_id, base_revision_id, base_sha256,"
                " base_tags, base_status, base_edition) VALUES (?,?,?,?,?,?,?)",
                (int(article_id), base_library_id, int(base_revision_id), base_sha256,
                 json.dumps(sorted(base_tags), ensure_ascii=False), base_status,
                 None if base_edition is None else json.dumps(base_edition, ensure_ascii=False, sort_keys=True)))

    def review_bases(self) -> dict[int, dict]:
        cols = ("article_id", "base_library_id", "base_revision_id", "base_sha256", "base_tags", "base_status",
                "base_edition")
        out = {}
        for r in self._conn.execute(f"SELECT {', '.join(cols)} FROM review_bases ORDER BY article_id"):
            d = dict(zip(cols, r))
            d["base_tags"] = json.loads(d["base_tags"])
            d["base_edition"] = None if d["base_edition"] is None else json.loads(d["base_edition"])
            out[d["article_id"]] = d
        return out

    # ---- merging ----------------------------------------------------------------------
    def current_state(self, article_id: int) -> dict | None:
        """{revision_id, article, tags, status, trashed} of an article, None if absent."""
        row = self._conn.execute(
            "SELECT a.current_revision_id, r.article, a.status, a.trashed_at FROM articles a"
            " JOIN revisions r ON r.id = a.current_revision_id WHERE a.id = ?", (int(article_id),)).fetchone()
        if row is None:
            return None
        return {"revision_id": row[0], "article": records.unpack_article(row[1]), "status": row[2],
                "trashed": row[3] is not None, "tags": self.tags_of(int(article_id))}

    def revision_article(self, article_id: int, revision_id: int) -> dict | None:
        row = self._conn.execute("SELECT id FROM revisions WHERE id = ? AND article_id = ?",
                                 (int(revision_id), int(article_id))).fetchone()
        return None if row is None else records.revision_article(self._conn, row[0])

    def revision_hashes_after(self, article_id: int, revision_id: int) -> set[str]:
        """Content hashes of the article's revisions newer than `revision_id`: a bundle
        version found here is already in the library (merged before, or the same edit)."""
        return {article_sha256(records.revision_article(self._conn, r[0])) for r in self._conn.execute(
            "SELECT id FROM revisions WHERE article_id = ? AND id > ?", (int(article_id), int(revision_id)))}

    def set_tags(self, article_id: int, tags: list[str]) -> None:
        """Make the article's tags exactly `tags`."""
        have = set(self.tags_of(int(article_id)))
        want = {clean_tag(t) for t in tags}
        with self._write():
            if want - have:
                self.tag([int(article_id)], *sorted(want - have))
            if have - want:
                self.untag([int(article_id)], *sorted(have - want))

    def add_conflict(self, article_id: int, bundle_library_id: str, base_revision_id: int,
                     mine_revision_id: int, theirs: dict, theirs_sha256: str,
                     edition: dict | None = None) -> tuple[int, bool]:
        """Record a conflict once per (article, bundle version). Returns (id, new).
        `edition`: {field: {"base", "mine", "theirs"}} for a conflict over the edition."""
        with self._write():
            row = self._conn.execute("SELECT id FROM merge_conflicts WHERE article_id = ? AND theirs_sha256 = ?",
                                     (int(article_id), theirs_sha256)).fetchone()
            if row is not None:
                return row[0], False
            cur = self._conn.execute(
                "INSERT INTO merge_conflicts(article_id, bundle_library_id, base_revision_id, mine_revision_id,"
                " theirs_sha256, theirs, created_at, edition) VALUES (?,?,?,?,?,?,?,?)",
                (int(article_id), bundle_library_id, int(base_revision_id), int(mine_revision_id), theirs_sha256,
                 json.dumps(records.clean_article(theirs), ensure_ascii=False), records.now(),
                 None if edition is None else json.dumps(edition, ensure_ascii=False, sort_keys=True)))
            return cur.lastrowid, True

    def conflicts(self, include_resolved: bool = False) -> list[dict]:
        """Merge conflicts, oldest first: id, article_id, headline, base_revision_id,
        mine_revision_id, current_revision_id, theirs (article dict), theirs_sha256, created_at,
        resolved_at, resolution, resolved_revision_id, edition (None for a conflict over
        the text; {field: {"base", "mine", "theirs"}} for one over the edition). Mine = the
        article's current revision (get_article); base = get_revision(base_revision_id)."""
        if self.schema_version < CONFLICTS_SCHEMA:
            return []  # a library read-only from before review bundles: it cannot have any
        has_edition = any(r[1] == "edition" for r in self._conn.execute("PRAGMA table_info(merge_conflicts)"))
        cond = "" if include_resolved else "WHERE c.resolved_at IS NULL"
        cols = ("id", "article_id", "headline", "bundle_library_id", "base_revision_id", "mine_revision_id",
                "current_revision_id", "theirs", "theirs_sha256", "created_at", "resolved_at", "resolution",
                "resolved_revision_id", "edition")
        out = []
        for r in self._conn.execute(
                "SELECT c.id, c.article_id, a.headline, c.bundle_library_id, c.base_revision_id, c.mine_revision_id,"
                " a.current_revision_id, c.theirs, c.theirs_sha256, c.created_at, c.resolved_at, c.resolution,"
                f" c.resolved_revision_id, {'c.edition' if has_edition else 'NULL'}"
                f" FROM merge_conflicts c JOIN articles a ON a.id = c.article_id {cond} ORDER BY c.id"):
            d = dict(zip(cols, r))
            d["theirs"] = json.loads(d["theirs"])
            d["edition"] = None if d["edition"] is None else json.loads(d["edition"])
            out.append(d)
        return out

    def resolve_conflict(self, conflict_id: int, choice, author: str = "user") -> int:
        """Settle a conflict: "mine" keeps the library's current article, "theirs" stores
        the bundle's version as a new revision, an article dict (edited by hand, e.g. from
        both) is stored as a new revision. For a conflict over the edition: "theirs" sets
        the review's values, a dict {field: value} the values given. Returns the
        article's current revision id."""
        with self._write():
            row = self._conn.execute("SELECT article_id, theirs, resolved_at, edition FROM merge_conflicts"
                                     " WHERE id = ?", (int(conflict_id),)).fetchone()
            if row is None:
                raise NotFound(f"no merge conflict #{conflict_id}")
            article_id, theirs, resolved_at, clash = row
            if resolved_at is not None:
                raise LibraryError(f"merge conflict #{conflict_id} is already resolved")
            if clash is not None:
                return self._resolve_edition(int(conflict_id), article_id, json.loads(clash), choice)
            if isinstance(choice, dict):
                resolution, article = "edited", choice
            elif choice in RESOLUTIONS:
                resolution, article = choice, (json.loads(theirs) if choice == "theirs" else None)
            else:
                raise ValueError(f"resolve with 'mine', 'theirs' or an article dict, not {choice!r}")
            if article is None:
                revision_id = records.current_article(self._conn, article_id)[0]
            else:
                revision_id = records.update_article(self._conn, article_id, records.clean_article(article), author,
                                                     f"merge conflict #{conflict_id}: {resolution}")
            self._conn.execute("UPDATE merge_conflicts SET resolved_at = ?, resolution = ?, resolved_revision_id = ?"
                               " WHERE id = ?", (records.now(), resolution, revision_id, int(conflict_id)))
            return revision_id

    def _resolve_edition(self, conflict_id: int, article_id: int, clash: dict, choice) -> int:
        if isinstance(choice, dict):
            unknown = set(choice) - set(clash)
            if unknown:
                raise ValueError(f"not fields of this conflict: {sorted(unknown)}")
            resolution, values = "edited", dict(choice)
        elif choice in RESOLUTIONS:
            resolution = choice
            values = {f: v["theirs"] for f, v in clash.items()} if choice == "theirs" else {}
        else:
            raise ValueError(f"resolve with 'mine', 'theirs' or the fields' values, not {choice!r}")
        if values:
            self.set_edition([article_id], values, reason=f"merge conflict #{conflict_id}: {resolution}")
        revision_id = records.current_article(self._conn, article_id)[0]
        self._conn.execute("UPDATE merge_conflicts SET resolved_at = ?, resolution = ?, resolved_revision_id = ?"
                           " WHERE id = ?", (records.now(), resolution, revision_id, conflict_id))
        return revision_id
