"""Entry points: text or Source in, Page or split/1 JSON out. (Stub until the splitter lands.)"""
from __future__ import annotations

from archivist.split.model import SCHEMA, Article, Block, Page
from archivist.text.decode import Source


def split_text(text: str, markdown: bool | None = None) -> Page:
    paras = [p.strip() for p in text.split("\n\n") if p.strip()]
    return Page(articles=[Article(headline=paras[0] if paras else None,
                                  blocks=[Block("paragraph", p) for p in paras[1:]])])


def to_json(page: Page, source: Source | None = None) -> dict:
    src = {"path": source.path, "sha256": source.sha256, "encoding": source.encoding} if source else None
    return {"schema": SCHEMA, "source": src, "furniture": list(page.furniture),
            "articles": [a.to_dict() for a in page.articles]}


def split_source(source: Source) -> dict:
    return to_json(split_text(source.text, markdown=source.is_markdown), source)
