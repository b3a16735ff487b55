"""Hierarchical tags ("地区/青岛"): stored by full path, parents implied by the path.
Renaming or merging a tag carries its whole subtree along."""
from __future__ import annotations

import unicodedata

from archivist.store.errors import LibraryError, NotFound


class BadTagName(LibraryError, ValueError):
    """An empty tag name, or one of slashes only (a ValueError, as callers expect)."""


def clean_tag(name: str) -> str:
    """One spelling per tag: NFC, segments stripped, empty segments dropped."""
    parts = [p.strip() for p in unicodedata.normalize("NFC", str(name)).replace("\\", "/").split("/")]
    parts = [p for p in parts if p]
    if not parts:
        raise BadTagName(f"not a tag name: {name!r} (empty)")
    return "/".join(parts)


def _subtree(name: str) -> tuple[str, list]:
    return "(name = ? OR (name >= ? AND name < ?))", [name, name + "/", name + "0"]


class TagsMixin:
    """Library tag operations; needs self._conn and self._write()."""

    def _tag_id(self, name: str, create: bool) -> int | None:
        row = self._conn.execute("SELECT id FROM tags WHERE name = ?", (name,)).fetchone()
        if row is None and create:
            return self._conn.execute("INSERT INTO tags(name) VALUES (?)", (name,)).lastrowid
        return None if row is None else row[0]

    def tag(self, ids, *names: str) -> None:
        ids = self._ids(ids)
        with self._write():
            for name in names:
                tag_id = self._tag_id(clean_tag(name), create=True)
                self._conn.executemany("INSERT OR IGNORE INTO article_tags(article_id, tag_id) VALUES (?, ?)",
                                       [(i, tag_id) for i in ids])
                self._touch(ids)

    def untag(self, ids, *names: str) -> None:
        ids = self._ids(ids)
        with self._write():
            for name in names:
                tag_id = self._tag_id(clean_tag(name), create=False)
                if tag_id is None:
                    continue
                self._conn.executemany("DELETE FROM article_tags WHERE article_id = ? AND tag_id = ?",
                                       [(i, tag_id) for i in ids])
                self._touch(ids)
            self._drop_unused_tags()

    def tags_of(self, article_id: int) -> list[str]:
        return [r[0] for r in self._conn.execute(
            "SELECT t.name FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = ? ORDER BY t.name",
            (article_id,))]

    def all_tags(self) -> list[str]:
        return [r[0] for r in self._conn.execute("SELECT name FROM tags ORDER BY name")]

    def rename_tag(self, old: str, new: str) -> None:
        """Rename a tag and everything under it; renaming onto an existing tag merges."""
        old, new = clean_tag(old), clean_tag(new)
        if old == new:
            return
        if new.startswith(old + "/"):
            raise ValueError(f"cannot move tag {old!r} inside itself ({new!r})")
        with self._write():
            cond, params = _subtree(old)
            rows = self._conn.execute(f"SELECT id, name FROM tags WHERE {cond}", params).fetchall()
            if not rows:
                raise NotFound(f"no tag {old!r}")
            for tag_id, name in rows:
                target = self._tag_id(new + name[len(old):], create=True)
                self._conn.execute(
                    "INSERT OR IGNORE INTO article_tags(article_id, tag_id)"
                    " SELECT article_id, ? FROM article_tags WHERE tag_id = ?", (target, tag_id))
                self._conn.execute("DELETE FROM tags WHERE id = ?", (tag_id,))

    def merge_tags(self, source: str, target: str) -> None:
        """Every article tagged `source` (or under it) gets `target` (or the same place under
        it) instead; `source` disappears."""
        self.rename_tag(source, target)

    def delete_tag(self, name: str) -> None:
        """Remove a tag and its subtree from every article (the articles stay)."""
        with self._write():
            cond, params = _subtree(clean_tag(name))
            self._conn.execute(f"DELETE FROM tags WHERE {cond}", params)

    def tag_members(self, name: str) -> dict[str, list[int]]:
        """{tag: [article ids]} for `name` and every tag under it, trashed articles
        included: what an undo of rename/merge/delete needs to put back."""
        cond, params = _subtree(clean_tag(name))
        out: dict[str, list[int]] = {}
        for tag, article_id in self._conn.execute(
                f"SELECT t.name, x.article_id FROM tags t JOIN article_tags x ON x.tag_id = t.id"
                f" WHERE {cond.replace('name', 't.name')} ORDER BY t.name, x.article_id", params):
            out.setdefault(tag, []).append(article_id)
        return out

    def tag_tree(self) -> list[dict]:
        """Nested [{name, path, count (articles with exactly this tag), total (articles with
        it or any tag under it), children}], counting articles not in the trash."""
        counts = dict(self._conn.execute(
            "SELECT t.name, count(a.id) FROM tags t LEFT JOIN article_tags x ON x.tag_id = t.id"
            " LEFT JOIN articles a ON a.id = x.article_id AND a.trashed_at IS NULL GROUP BY t.id"))
        paths = set()
        for name in counts:
            parts = name.split("/")
            paths.update("/".join(parts[:i]) for i in range(1, len(parts) + 1))
        nodes = {p: {"name": p.rsplit("/", 1)[-1], "path": p, "count": counts.get(p, 0), "children": []}
                 for p in sorted(paths)}
        roots = []
        for p in sorted(paths):
            parent = p.rpartition("/")[0]
            (nodes[parent]["children"] if parent else roots).append(nodes[p])
        for p, node in nodes.items():
            cond, params = _subtree(p)
            node["total"] = self._conn.execute(
                f"SELECT count(DISTINCT x.article_id) FROM article_tags x JOIN articles a ON a.id = x.article_id"
                f" WHERE a.trashed_at IS NULL AND x.tag_id IN (SELECT id FROM tags WHERE {cond})", params).fetchone()[0]
        return roots

    def _drop_unused_tags(self) -> None:
        self._conn.execute("DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM article_tags)")
