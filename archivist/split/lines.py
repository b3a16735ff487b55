"""Raw page text → units: one line (or one wrapped paragraph) with its layout hints.

Markdown markers are read as hints (heading level, bullet, bold line) and stripped:
they never reach article text as `#` or `**`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_MD_HEADING = re.compile(r"^(#{1,6})[ \t\u3000]+(.*?)[ \t\u3000]*#*[ \t]*$")
_BULLET = re.compile(r"^[-*+•·][ \t\u3000]+(?=\S)")
_BOLD_LINE = re.compile(r"^(\*\*|__)(.+?)\1$")
# The inner text may not hold its own marker: a lazy `.+?` tried every later position
# from every unclosed `**`, quadratic on a line of "**好 " repeated.
_INLINE_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)((?:(?!\1).)+?)(?<=\S)\1")
_MD_IMAGE = re.compile(r"^!\[([^\]]*)\]\([^)]*\)$")
_MD_LINK = re.compile(r"\[([^\]]+)\]\((?:https?://|/)[^)\s]*\)")
_MD_RULE = re.compile(r"^(?:-{3,}|\*{3,}|_{3,})$")
SENTENCE_END = "。！？!?…；;：:」』”\"）)】"
WRAP_STOPS = tuple("。！？!?”」』")  # a line ending so is never wrapped mid-paragraph


@dataclass
class Unit:
    text: str
    line: int  # 0-based number of the first source line
    level: int = 0  # markdown heading level, 0 = none
    bullet: bool = False
    bold: bool = False
    hard_break: bool = False  # the line ended with two spaces (markdown line break)
    image: bool = False
    kind: str = ""  # set by classify: heading, paragraph, byline, caption, furniture…
    raw: str = ""
    indent: int = 0  # leading spaces / U+3000 before the text (crawler dumps indent bodies)
    blank_before: bool = False  # a blank line (or the page top) stands before this unit
    blank_after: bool = False
    label: str = ""  # set by the line model: headline, kicker, body, caption, furniture…
    role: str = ""  # for a title line the line model labelled: kicker, headline or subtitle
    # A thematic break ("---") stands before this unit: the page's reader (a scan's
    # layout, archivist.scan) put an article boundary there.
    rule_before: bool = False


def _parse_line(raw: str, number: int) -> Unit | None:
    hard_break = raw.endswith("  ") or raw.endswith("\u3000\u3000")
    text = raw.strip(" \t\u3000\ufeff")
    if not text or _MD_RULE.match(text):
        return None
    body = raw.lstrip("\ufeff")
    indent = len(body) - len(body.lstrip(" \t\u3000"))
    unit = Unit(text=text, line=number, hard_break=hard_break, raw=raw.rstrip(), indent=indent)
    m = _MD_HEADING.match(text)
    if m:
        unit.level, unit.text = len(m.group(1)), m.group(2).strip()
    elif _BULLET.match(text):
        unit.bullet, unit.text = True, _BULLET.sub("", text, count=1)
    m = _MD_IMAGE.match(unit.text)
    if m:
        unit.image, unit.text = True, m.group(1).strip() or "图片"
    m = _BOLD_LINE.match(unit.text)
    if m:
        unit.bold, unit.text = True, m.group(2).strip()
    if "*" in unit.text or "_" in unit.text:
        unit.text = _INLINE_EMPHASIS.sub(r"\2", unit.text)
    if "](" in unit.text:
        unit.text = _MD_LINK.sub(r"\1", unit.text)
    return unit if unit.text else None


def _plain(u: Unit) -> bool:
    return not (u.level or u.bullet or u.bold or u.image)


def _absorb(unit: Unit, nxt: Unit) -> None:
    """Join the next line of a wrapped paragraph onto unit."""
    unit.text += nxt.text
    unit.raw += "\n" + nxt.raw
    unit.hard_break = nxt.hard_break
    unit.blank_after = nxt.blank_after


def parse_units(text: str, starts_unit=None, join: bool = True) -> list[Unit]:
    """Split a page into units. Consecutive lines of one region are joined when the
    first is a full-width wrapped line (fixed-width dumps wrap mid-sentence).
    starts_unit(text) tells of a line that always begins a unit of its own (a dateline).
    join=False keeps every line a unit of its own: the line model decides which lines
    continue the one before (label "cont", see join_continuations)."""
    units: list[Unit] = []
    region: list[Unit] = []

    def flush() -> None:
        if not region:
            return
        region[0].blank_before = True
        longest = max(len(u.text) for u in region)
        current = region[0]
        last_len = len(current.text)
        for nxt in region[1:]:
            wrapped = join and (
                _plain(current) and _plain(nxt) and not current.hard_break
                and longest >= 12 and last_len >= 0.8 * longest
                and not current.text.endswith(WRAP_STOPS)
                and not (starts_unit and starts_unit(nxt.text))
            )
            if wrapped:
                _absorb(current, nxt)
            else:
                units.append(current)
                current = nxt
            last_len = len(nxt.text)
        current.blank_after = True
        units.append(current)
        region.clear()

    ruled = False
    for number, raw in enumerate(text.split("\n")):
        unit = _parse_line(raw, number)
        if unit is None:
            flush()
            ruled = ruled or bool(_MD_RULE.match(raw.strip(" \t\u3000\ufeff")))
        else:
            unit.rule_before, ruled = ruled, False
            region.append(unit)
    flush()
    return units


def join_continuations(units: list[Unit]) -> list[Unit]:
    """Fold each unit labelled "cont" into the unit before it (a wrapped line of the same
    paragraph). A line after a blank line or a markdown heading never continues one."""
    out: list[Unit] = []
    for u in units:
        prev = out[-1] if out else None
        if u.label == "cont" and prev is not None and not u.blank_before and _plain(u) and _plain(prev):
            _absorb(prev, u)
            continue
        if u.label == "cont":
            u.label = "body"
        out.append(u)
    return out
