"""Entry points: text or Source in, Page or split/1 JSON out."""
from __future__ import annotations

from archivist.clean.steps import clean_article
from archivist.split.assemble import assemble
from archivist.split.classify import classify
from archivist.split.group import group
from archivist.split.labeller import label_units, model_version
from archivist.split.lines import join_continuations, parse_units
from archivist.model import SCHEMA, Page
from archivist.split.patterns import dateline_of
from archivist.split.sequence import group_labelled
from archivist.text.decode import Source


SPLITTERS = ("rules", "lines")
DEFAULT_SPLITTER = "lines"
# Text read off a page image or a PDF carries the scan reader's type-size hints ("#",
# "##") and zone breaks, which the rules were built on; on the real scans scored
# (../shared/eval/scan_score.py) the line model finds no more articles than they do.
# Scans keep the rules until the model is fitted on OCR output.
SCAN_SPLITTER = "rules"
_SCANNED = ("ocr", "pdf-text", "pdf-ocr")


def splitter_for(source: Source) -> str:
    """The splitter a source gets when none is asked for."""
    return SCAN_SPLITTER if source.kind in _SCANNED else DEFAULT_SPLITTER


def split_text(text: str, clean: bool = True, splitter: str = DEFAULT_SPLITTER) -> Page:
    """Split a page into articles; clean each one unless clean=False.

    splitter "lines" (the default) labels lines with the fitted line model
    (archivist.split.labeller) and lets articles fall out of the label sequence; "rules"
    is the pattern splitter, which scans keep (SCAN_SPLITTER).

    Markdown markers are always read as hints, whatever the file's name: dumps named
    .txt carry them too.
    """
    if splitter == "lines":
        units = parse_units(text, starts_unit=dateline_of, join=False)
        label_units(units)
        furniture, drafts = group_labelled(join_continuations(units))
    else:
        units = parse_units(text, starts_unit=dateline_of)
        furniture, drafts = group(classify(units))
    page = Page(furniture=furniture)
    for draft in drafts:
        article = assemble(draft)
        furniture.extend(article.credit)
        if clean:
            clean_article(article)
        page.articles.append(article)
    return page


def to_json(page: Page, source: Source | None = None, splitter: str = DEFAULT_SPLITTER) -> dict:
    src = {"path": source.path, "sha256": source.sha256, "encoding": source.encoding} if source else None
    doc = {"schema": SCHEMA, "source": src, "furniture": list(page.furniture),
           "articles": [a.to_dict() for a in page.articles]}
    # Which splitter made these articles: the fitted model's name and hash, or the rules.
    doc["splitter"] = model_version() if splitter == "lines" else "rules"
    return doc


def split_source(source: Source, splitter: str | None = None) -> dict:
    splitter = splitter or splitter_for(source)
    return to_json(split_text(source.text, splitter=splitter), source, splitter)
