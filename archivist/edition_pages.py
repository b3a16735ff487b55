"""The pages of a multi-page file (a PDF, a TIFF): one edition record per page.

The splitter reads such a file as one text, so which page a furniture line or an article
stands on comes back from the scan's layout records (each line's page). Each page is then
inferred on its own: its own masthead and folio lines first; then its PDF page label, or
else its place in the file ("from PDF page 3 of 8"); the paper and date another page of the
same file prints (one file is one edition more often than not); then, as for any page, the
file name, folders and PDF metadata. A file of one page keeps edition.infer as it was.
"""
from __future__ import annotations

import re
from pathlib import Path

from archivist import edition

_HEADING = re.compile(r"^#+\s+")
_LABEL = re.compile(r"^([A-H])?\s*0*(\d{1,4})$")
_KINDS = {".pdf": "PDF", ".tif": "TIFF", ".tiff": "TIFF"}
MAX_LABEL = 12  # longer "labels" are titles some writers put there, not page numbers


def page_count_and_labels(path, data: bytes, layout=()) -> tuple[int, list[str]]:
    """How many pages the file has and each one's PDF page label ("" for none)."""
    suffix = Path(str(path)).suffix.lower()
    try:
        if suffix == ".pdf":
            from archivist.scan.pdf import page_labels  # noqa: PLC0415 - pypdfium2 only for PDFs

            labels = page_labels(data)
            return max(len(labels), 1), labels
        if suffix in (".tif", ".tiff"):
            from archivist.scan.images import frame_count, open_image  # noqa: PLC0415

            return frame_count(open_image(data)), []
    except Exception:  # noqa: BLE001 - the file was read already; its page count is a bonus
        pass
    return max([1, *(int(r.get("page") or 1) for r in layout)]), []


def _para_pages(layout) -> dict[int, int]:
    out: dict[int, int] = {}
    for rec in layout:
        out.setdefault(int(rec.get("para", -1)), int(rec.get("page") or 1))
    return out


def furniture_pages(furniture, text: str, layout) -> list[int]:
    """The page (1-based) each furniture line stands on: the paragraph of the text it is,
    taken in order (the same masthead on every page goes to each page in turn)."""
    paras = [_HEADING.sub("", p).strip() for p in text.split("\n\n")]
    where = _para_pages(layout)
    out, cursor, last = [], 0, 1
    for line in furniture:
        line = str(line).strip()
        # The paragraph that is the line, else one holding it (a byline's 青岛日报 must not take
        # the next page's masthead).
        hit = next((i for i in range(cursor, len(paras)) if line and paras[i] == line), None)
        if hit is None:
            hit = next((i for i in range(cursor, len(paras)) if line and line in paras[i]), None)
        if hit is not None:
            cursor, last = hit, where.get(hit, last)
        out.append(last)
    return out


def article_pages(articles, layout) -> list[int]:
    """The page (1-based) each article begins on: where its first line was found on the
    scan; an article found nowhere stays on the page of the one before."""
    from archivist.scan.regions import regions_for_texts  # noqa: PLC0415 - rapidfuzz, scans only

    texts = ["\n".join([*(a.get(k) or "" for k in ("kicker", "headline", "subtitle")),
                        *(b.get("text", "") for b in a.get("blocks") or [])]) for a in articles]
    found = regions_for_texts(texts, layout)
    out, last = [], 1
    for regions in found:
        last = min((r["page"] for r in regions), default=last)
        out.append(last)
    return out


def label_facts(label: str) -> dict:
    if not label or len(label) > MAX_LABEL:
        return {}
    why = f"from PDF page label '{label}'"
    m = _LABEL.match(label)
    if m is None:
        return {"page": (label, why)}
    facts = {"page": (str(int(m.group(2))), why)}
    if m.group(1):
        facts["edition"] = (m.group(1), why)
    return facts


def infer_pages(path, text: str, furniture, layout, count: int, labels=(), pdf_meta: dict | None = None,
                paper: str | None = None) -> list[dict]:
    """edition.infer for each of the `count` pages of one file, in page order."""
    furniture = list(furniture or ())
    on_page = furniture_pages(furniture, text, layout)
    own = [[f for f, p in zip(furniture, on_page) if p == n] for n in range(1, count + 1)]
    alone = [edition.infer("", lines) for lines in own]
    kind = _KINDS.get(Path(str(path)).suffix.lower(), "file")
    out = []
    for i in range(count):
        facts = label_facts(labels[i] if i < len(labels) else "")
        facts.setdefault("page", (str(i + 1), f"from {kind} page {i + 1} of {count}"))
        for field in ("paper", "date"):
            other = next((n for n, a in enumerate(alone) if n != i and a[field]), None)
            if other is not None:
                facts[field] = (alone[other][field], f"from page {other + 1}'s " + alone[other]["reasons"][field][5:])
        out.append(edition.infer(path, own[i], pdf_meta, paper, facts))
    return out


def page_metadata(path, data: bytes) -> dict:
    """A PDF's document information (Title, Subject, Keywords …); {} for anything else or
    when it cannot be read (the page itself was read: its metadata is a bonus)."""
    if Path(str(path)).suffix.lower() != ".pdf":
        return {}
    try:
        from archivist.scan.pdf import metadata  # noqa: PLC0415 - pypdfium2 only for PDFs

        return metadata(data)
    except Exception:  # noqa: BLE001
        return {}


def page_editions(source, shown_path: str, doc: dict, articles: list[dict], paper: str | None
                  ) -> tuple[list[dict], list[int]]:
    """The edition record of each page of the file read as `source` (one, or one per page
    of a multi-page PDF or TIFF) and, for each article, the index of its page.
    `shown_path`: the path as the library shows it (what names and folders are read from)."""
    meta = page_metadata(source.path, source.data)
    layout = getattr(source, "layout", ()) or ()
    furniture = doc.get("furniture") or ()
    count, labels = page_count_and_labels(source.path, source.data, layout) if layout else (1, [])
    if count == 1:
        return [edition.infer(shown_path, furniture, meta, paper, label_facts(labels[0]) if labels else None)], \
            [0] * len(articles)
    pages = infer_pages(shown_path, source.text, furniture, layout, count, labels, meta, paper)
    return pages, [min(max(n - 1, 0), count - 1) for n in article_pages(articles, layout)]
