"""Page → articles: classify lines, group them, clean each article (Qt-free)."""
from archivist.split.model import SCHEMA, Article, Block, Fix, Page
from archivist.split.pipeline import split_source, split_text, to_json

__all__ = ["SCHEMA", "Article", "Block", "Fix", "Page", "split_source", "split_text", "to_json"]
