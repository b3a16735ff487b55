"""Re-split pages with the library's line model (issue 15): the pages whose articles no
person has edited get the model's articles as new revisions (the page's articles keep
their ids in page order; more are made, fewer go to the trash); pages with hand edits are
left alone and listed. All pages in one transaction; undo_resplit puts them back."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from archivist.split import labeller
from archivist.store.corrections import describe_splitter
from archivist.store.errors import NotFound

AUTHOR = "resplit"
HAND = ("user", "review")  # revision authors that are a person's edits


@dataclass
class ResplitReport:
    done: list[dict] = field(default_factory=list)  # {"source_id", "before", "ids", "splitter" (before), "now"}
    left_alone: list[dict] = field(default_factory=list)  # {"source_id", "filename", "articles"}
    cancelled: bool = False


def hand_edited(library, source_id: int) -> list[int]:
    """Articles of the page (trashed ones too) with a revision a person made."""
    return [r[0] for r in library._conn.execute(
        f"SELECT DISTINCT a.id FROM articles a JOIN revisions r ON r.article_id = a.id"
        f" WHERE a.source_id = ? AND r.author IN ({','.join('?' * len(HAND))}) ORDER BY a.id",
        (int(source_id), *HAND))]


def resplit(library, source_ids, progress: Callable[[int, int, str], None] | None = None,
            cancel: Callable[[], bool] | None = None) -> ResplitReport:
    """Re-split these pages with the library's model (the shipped one if it has none)."""
    from archivist.split.pipeline import split_text  # noqa: PLC0415

    report = ResplitReport()
    ids = list(dict.fromkeys(int(i) for i in source_ids))
    with library.transaction():
        for n, source_id in enumerate(ids):
            if cancel is not None and cancel():
                report.cancelled = True
                raise _Cancelled
            src = library.source(source_id)
            if progress is not None:
                progress(n, len(ids), src["filename"])
            edited = hand_edited(library, source_id)
            if edited:
                report.left_alone.append({"source_id": source_id, "filename": src["filename"], "articles": edited})
                continue
            text = library.source_text(source_id)
            if not text:
                continue
            before = [library.get_article(i) for i in library.source_articles(source_id)]
            labeller.use_model(library.split_model_path(library.page_paper(source_id)))
            splitter = labeller.model_version()
            try:
                fresh = [a.to_dict() for a in split_text(text, splitter="lines").articles]
            finally:
                labeller.use_model(None)
            for old, new in zip(before, fresh):
                new["id"] = old["id"]
            old_split = library.page_split(source_id)["splitter"]
            new_ids = library.replace_source_articles(source_id, fresh, author=AUTHOR,
                                                      note=f"re-split with {describe_splitter(splitter)}")
            library._note_split(source_id, splitter)
            report.done.append({"source_id": source_id, "before": before, "ids": new_ids, "splitter": old_split,
                                "now": splitter})
    if progress is not None:
        progress(len(ids), len(ids), "done")
    return report


class _Cancelled(Exception):
    pass


def run_resplit(library, source_ids, progress=None, cancel=None) -> ResplitReport:
    """resplit(); a cancel rolls every page back and reports cancelled."""
    try:
        return resplit(library, source_ids, progress, cancel)
    except _Cancelled:
        return ResplitReport(cancelled=True)


def undo_resplit(library, report: ResplitReport) -> None:
    """Each re-split page back to its articles before (as new revisions; the articles the
    re-split made are deleted, as the split editor's undo does)."""
    with library.transaction():
        for page in report.done:
            keep = {a["id"] for a in page["before"]}
            library.replace_source_articles(page["source_id"], page["before"], author=AUTHOR, note="undo re-split")
            made = [i for i in page["ids"] if i not in keep]
            library.trash(made)
            library.purge(made)
            library._note_split(page["source_id"], page["splitter"])


def pages_of(library, paper: str | None = None) -> list[int]:
    """Source ids of every page, or of one paper's."""
    if paper is None:
        return [r[0] for r in library._conn.execute("SELECT id FROM sources ORDER BY id")]
    rows = library._conn.execute("SELECT DISTINCT source_id FROM page_records WHERE paper = ? ORDER BY source_id",
                                 (paper,)).fetchall()
    if not rows:
        raise NotFound(f"no pages of the paper {paper!r}")
    return [r[0] for r in rows]
