"""Entry points: text or Source in, Page or split/1 JSON out."""
from __future__ import annotations

from archivist.clean.steps import clean_article
from archivist.split.assemble import assemble
from archivist.split.classify import classify
from archivist.split.group import group
from archivist.split.lines import parse_units
from archivist.model import SCHEMA, Page
from archivist.split.patterns import dateline_of
from archivist.text.decode import Source


def split_text(text: str, clean: bool = True) -> Page:
    """Split a page into articles; clean each one unless clean=False.

    Markdown markers are always read as hints, whatever the file's name: dumps named
    .txt carry them too.
    """
    units = classify(parse_units(text, starts_unit=dateline_of))
    furniture, drafts = group(units)
    page = Page(furniture=furniture)
    for draft in drafts:
        article = assemble(draft)
        furniture.extend(article.credit)
        if clean:
            clean_article(article)
        page.articles.append(article)
    return page


def to_json(page: Page, source: Source | None = None) -> dict:
    src = {"path": source.path, "sha256": source.sha256, "encoding": source.encoding} if source else None
    return {"schema": SCHEMA, "source": src, "furniture": list(page.furniture),
            "articles": [a.to_dict() for a in page.articles]}


def split_source(source: Source) -> dict:
    return to_json(split_text(source.text), source)
