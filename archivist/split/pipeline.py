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
DEFAULT_SPLITTER = "rules"  # the line model becomes the default once it passes every structure test


def split_text(text: str, clean: bool = True, splitter: str = DEFAULT_SPLITTER) -> Page:
    """Split a page into articles; clean each one unless clean=False.

    splitter "rules" is the pattern splitter (the default while the line model does not
    yet pass every structure test); "lines" labels lines with the fitted line model
    (archivist.split.labeller) and lets articles fall out of the label sequence.

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
    if splitter == "lines":
        doc["splitter"] = model_version()  # which fitted model made these articles
    return doc


def split_source(source: Source, splitter: str = DEFAULT_SPLITTER) -> dict:
    return to_json(split_text(source.text, splitter=splitter), source, splitter)
