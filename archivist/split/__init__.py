"""Page → articles: label lines, group them, clean each article (Qt-free).

The entry points load on first use, so archivist.clean can read split.patterns (the
shared line evidence) without importing the pipeline that itself runs the cleaning.
"""
from archivist.model import SCHEMA, Article, Block, Fix, Page

__all__ = ["SCHEMA", "Article", "Block", "Fix", "Page", "split_source", "split_text", "to_json"]


def __getattr__(name: str):
    if name in ("split_source", "split_text", "to_json"):
        from archivist.split import pipeline  # noqa: PLC0415

        return getattr(pipeline, name)
    raise AttributeError(name)
