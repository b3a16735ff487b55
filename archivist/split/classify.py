"""Give each unit a kind from its own text and markers (context comes later, in group.py).

Kinds: furniture, placeholder, byline, penname, dateline (a paragraph opening with a
dateline), caption, heading, bullet, paragraph.
"""
from __future__ import annotations

from archivist.split import patterns as pt
from archivist.split.lines import Unit


def classify(units: list[Unit]) -> list[Unit]:
    for u in units:
        u.kind = kind_of(u)
    return units


def kind_of(u: Unit) -> str:
    """What the line's own text and markers suggest (a feature of the line model)."""
    t = u.text
    if u.image or pt.is_placeholder(t):
        return "placeholder"
    if u.level:
        return "heading"
    if pt.is_furniture(t):
        return "furniture"
    if pt.is_byline(t):
        return "byline"
    if pt.is_pen_name(t):
        return "penname"
    if pt.dateline_of(t):
        return "dateline"
    if pt.is_caption(t):
        return "caption"
    if u.bullet:
        return "bullet"
    if u.bold and len(t) <= 48:
        return "heading"
    if pt.looks_like_heading(t):
        return "heading"
    return "paragraph"
