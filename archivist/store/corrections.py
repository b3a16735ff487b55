"""The archivist's corrections kept as labelled lines (db/0009), and which splitter made
each page. Written in the same transaction as the edit that makes them: the split
editor's replace_source_articles and a hand save of an article. An edit undone brings the
page's labels back to what the splitter gave, and its rows go."""
from __future__ import annotations

import json
import re

from archivist.split import corrections
from archivist.store import records


def describe_splitter(splitter: str, split_at: str | None = None) -> str:
    """What a page_splits splitter name means to a person."""
    when = f" ({split_at[:10]})" if split_at else ""
    if "/library-" in splitter:
        return f"this library's line model of {splitter.split('/library-', 1)[1][:10]}" + when
    if splitter.startswith("lines-crf/"):
        return "the shipped line model" + when
    return "the rule splitter" + when


_MODEL_NAME = re.compile(r"lines-\d{4}-\d\d-\d\d-[0-9a-f]{8}\.crfsuite")


class CorrectionsMixin:
    """Needs self._conn, self._write()."""

    # ---- which splitter made a page ---------------------------------------------------
    def _note_split(self, source_id: int, splitter: str) -> None:
        """A page was (re-)split by `splitter`: what its lines were is to be read anew."""
        self._conn.execute(
            "INSERT INTO page_splits(source_id, splitter, split_at, baseline) VALUES (?,?,?,NULL)"
            " ON CONFLICT(source_id) DO UPDATE SET splitter = excluded.splitter, split_at = excluded.split_at,"
            " baseline = NULL", (int(source_id), splitter or "rules", records.now()))

    def page_split(self, source_id: int) -> dict:
        """{"splitter", "split_at"} of the page; a page split before this was recorded:
        splitter "" (by the rules, which were the only splitter then)."""
        row = self._conn.execute("SELECT splitter, split_at FROM page_splits WHERE source_id = ?",
                                 (int(source_id),)).fetchone()
        return {"splitter": row[0], "split_at": row[1]} if row else {"splitter": "", "split_at": None}

    def article_split(self, article_id: int) -> dict:
        """page_split() of the article's page."""
        row = self._conn.execute("SELECT source_id FROM articles WHERE id = ?", (int(article_id),)).fetchone()
        return self.page_split(row[0]) if row else {"splitter": "", "split_at": None}

    # ---- corrections ------------------------------------------------------------------
    def _page_labels(self, source_id: int) -> list[str] | None:
        text = self.source_text(source_id)
        if not text:
            return None  # a review library's source record carries no text
        articles = [records.current_article(self._conn, i)[1] for i in self.source_articles(source_id)]
        return corrections.line_labels(text, articles)

    def _keep_baseline(self, source_id: int) -> None:
        """Before a person's first edit of a page: what the splitter made of its lines."""
        row = self._conn.execute("SELECT baseline FROM page_splits WHERE source_id = ?", (source_id,)).fetchone()
        if row is not None and row[0] is not None:
            return
        labels = self._page_labels(source_id)
        if labels is None:
            return
        if row is None:
            self._conn.execute("INSERT INTO page_splits(source_id, splitter, split_at, baseline) VALUES (?,'',?,?)",
                               (source_id, records.now(), json.dumps(labels)))
        else:
            self._conn.execute("UPDATE page_splits SET baseline = ? WHERE source_id = ?", (json.dumps(labels), source_id))

    def _record_corrections(self, source_id: int) -> None:
        """After an edit: the page's lines as labelled now, kept where they differ from the
        baseline; none at all when they do not (the edit was undone, or changed no line)."""
        row = self._conn.execute("SELECT baseline FROM page_splits WHERE source_id = ?", (source_id,)).fetchone()
        labels = self._page_labels(source_id)
        self._conn.execute("DELETE FROM split_corrections WHERE source_id = ?", (source_id,))
        if row is None or row[0] is None or labels is None or labels == json.loads(row[0]):
            return
        raw = self.source_text(source_id).split("\n")
        paper = self._conn.execute("SELECT paper FROM page_records WHERE source_id = ? ORDER BY seq LIMIT 1",
                                   (source_id,)).fetchone()
        revision = self._conn.execute("SELECT max(current_revision_id) FROM articles WHERE source_id = ?",
                                      (source_id,)).fetchone()[0]
        stamp = records.now()
        self._conn.executemany(
            "INSERT INTO split_corrections(source_id, line, text, sha, label, paper, revision_id, made_at)"
            " VALUES (?,?,?,?,?,?,?,?)",
            [(source_id, n, raw[n], corrections.line_sha(raw[n]), lab, paper[0] if paper else None, revision, stamp)
             for n, lab in enumerate(labels) if lab != corrections.BLANK])

    def corrected_pages(self, paper: str | None = None) -> list[dict]:
        """[{"source_id", "paper", "text", "labels"}] of every page with corrections (of one
        paper when given): the page's text and one label per raw line, as training wants."""
        cond, params = ("WHERE c.paper = ?", [paper]) if paper is not None else ("", [])
        pages: dict[int, dict] = {}
        for source_id, line, sha, label, row_paper in self._conn.execute(
                f"SELECT c.source_id, c.line, c.sha, c.label, c.paper FROM split_corrections c"
                f" {cond} ORDER BY c.source_id, c.line", params):
            page = pages.get(source_id)
            if page is None:
                text = self.source_text(source_id)
                raw = text.split("\n")
                page = pages[source_id] = {"source_id": source_id, "paper": row_paper, "text": text,
                                           "labels": [corrections.BLANK] * len(raw), "_raw": raw}
            raw = page["_raw"]
            if line < len(raw) and corrections.line_sha(raw[line]) == sha:  # the line it was made for
                page["labels"][line] = label
        for page in pages.values():
            del page["_raw"]
        return list(pages.values())

    def correction_count(self) -> dict:
        """{"pages", "lines"} corrected so far."""
        row = self._conn.execute("SELECT count(DISTINCT source_id), count(*) FROM split_corrections").fetchone()
        return {"pages": row[0], "lines": row[1]}

    # ---- the library's own line model --------------------------------------------------
    def set_split_model(self, file_name: str | None, info: dict | None = None) -> None:
        """Make <library>/models/<file_name> the line model this library splits with; None:
        the shipped one again. Earlier model files stay (each refit writes a new one)."""
        with self._write():
            if file_name is None:
                self._conn.execute("DELETE FROM meta WHERE key = 'split_model'")
                return
            value = json.dumps({"file": file_name, "made_at": records.now(), **(info or {})}, ensure_ascii=False)
            self._conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('split_model', ?)", (value,))

    def split_model(self) -> dict | None:
        """{"file", "made_at", "pages", …} of the library's own model, None when it splits
        with the shipped one (or its file has gone)."""
        row = self._conn.execute("SELECT value FROM meta WHERE key = 'split_model'").fetchone()
        if row is None:
            return None
        info = json.loads(row[0])
        name = str(info.get("file", ""))
        # Only a file refit wrote, in the library's models/ folder: never a path a damaged or
        # crafted library names elsewhere (crfsuite parses a model file in C).
        if not _MODEL_NAME.fullmatch(name):
            return None
        path = self.folder / "models" / name
        return {**info, "path": path} if path.is_file() and not path.is_symlink() else None

    def split_model_path(self, paper: str | None = None):
        """The library's model file for a page of `paper`: it is used for the papers it
        learned from (a page without a paper counts as paper ""), the shipped one (None)
        for every other page, which it was not fitted to and splits less well."""
        info = self.split_model()
        return info["path"] if info and (paper or "") in info.get("papers", []) else None

    def page_paper(self, source_id: int) -> str | None:
        row = self._conn.execute("SELECT paper FROM page_records WHERE source_id = ? ORDER BY seq LIMIT 1",
                                 (int(source_id),)).fetchone()
        return row[0] if row else None
