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


def kind_of(u: Unit, facts: dict | None = None) -> str:
    """What the line's own text and markers suggest (a feature of the line model).
    `facts`: the pattern flags of the line, where the caller has them already."""
    t = u.text
    f = facts if facts is not None else _Facts(t)
    if u.image or f["placeholder"]:
        return "placeholder"
    if u.level:
        return "heading"
    if f["furniture"]:
        return "furniture"
    if f["byline"]:
        return "byline"
    if f["penname"]:
        return "penname"
    if f["dateline"]:
        return "dateline"
    if f["caption"]:
        return "caption"
    if u.bullet:
        return "bullet"
    if u.bold and len(t) <= 48:
        return "heading"
    if f["heading_like"]:
        return "heading"
    return "paragraph"


# The pattern flags kind_of reads, by name: the line model's features hold them all
# (line_facts), the rules ask for them one by one and stop at the first that holds.
FACT_TESTS = {"placeholder": pt.is_placeholder, "furniture": pt.is_furniture, "byline": pt.is_byline,
              "penname": pt.is_pen_name, "dateline": pt.dateline_of, "caption": pt.is_caption,
              "heading_like": pt.looks_like_heading}


def line_facts(text: str) -> dict[str, bool]:
    """Every pattern flag of kind_of for one line."""
    return {name: bool(test(text)) for name, test in FACT_TESTS.items()}


class _Facts(dict):
    """Pattern flags computed when first asked for."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def __missing__(self, name: str):
        value = self[name] = FACT_TESTS[name](self.text)
        return value
