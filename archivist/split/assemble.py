"""Article drafts → Article: which title line is kicker, headline, subtitle; deck; names."""
from __future__ import annotations

import functools

from archivist.split import patterns as pt
from archivist.split.group import Draft
from archivist.split.lines import Unit
from archivist.model import Article, Block

_JOIN_HEADLINE_MAX = 10  # a headline this short, followed by a smaller heading, was split


def assemble(draft: Draft) -> Article:
    a = Article()
    extra = _assign_titles(a, draft.heads)
    a.deck = [pt.strip_caption_mark(u.text) for u in extra + draft.deck]
    for u in draft.sections[0].units if draft.sections else []:
        if u.kind == "dateline":
            a.dateline = pt.dateline_of(u.text)
            break
        if u.kind in ("paragraph", "bullet"):
            break
    for section in draft.sections:
        if section.subhead:
            a.blocks.append(Block("subhead", section.subhead.text))
        a.blocks.extend(Block("paragraph", u.text) for u in section.units)
    a.captions = [pt.strip_caption_mark(u.text) for u in draft.captions]
    if not any(b.kind == "paragraph" for b in a.blocks) and a.captions:
        # A photo-news item: its caption is the story.
        a.blocks.extend(Block("paragraph", c) for c in a.captions)
        a.captions = []
    names: list[str] = []
    for u in draft.bylines:
        pen = u.kind == "penname" or pt.is_pen_name(u.text.strip())   # （癡）: one character is a name here
        names += [u.text.strip().strip("（）()")] if pen else pt.byline_names(u.text)
        a.credit.append(u.text)
    for u in draft.sections[0].units[:1] if draft.sections else []:
        names += pt.dateline_byline(u.text)
    a.byline = list(dict.fromkeys(names))
    return a


def _assign_titles(a: Article, heads: list[Unit]) -> list[Unit]:
    """Set kicker/headline/subtitle; return the title lines left over (they go to the deck)."""
    if not heads:
        return []
    if all(u.role for u in heads):  # the line model named each title line
        roles: dict[str, list[Unit]] = {}
        for n, u in enumerate(heads):
            if u.role == "headline" and n and "headline" in roles and roles["headline"][-1] is heads[n - 1]:
                roles["headline"].append(u)  # a headline printed over two lines
            else:
                roles.setdefault(u.role, []).append(u)
        if "headline" not in roles:
            roles["headline"] = roles.pop("subtitle", None) or roles.pop("kicker")
        a.headline = functools.reduce(_join_title, (u.text for u in roles["headline"]))
        a.kicker = roles["kicker"][0].text if "kicker" in roles else None
        a.subtitle = roles["subtitle"][0].text if "subtitle" in roles else None
        used = {id(roles[k][0]) for k in ("kicker", "subtitle") if k in roles} | {id(u) for u in roles["headline"]}
        return [u for u in heads if id(u) not in used]
    hi = _headline_index(heads)
    headline = heads[hi].text
    after = heads[hi + 1:]
    if (after and heads[hi].level and after[0].level > heads[hi].level
            and len(headline) <= _JOIN_HEADLINE_MAX and len(headline) + len(after[0].text) <= 32):
        headline = _join_title(headline, after[0].text)
        after = after[1:]
    a.headline = headline
    before = heads[:hi]
    if before:
        a.kicker = before[-1].text
    leftover = before[:-1]
    if after:
        plain = [u for u in after if not u.level] or after
        a.subtitle = plain[0].text
        leftover += [u for u in after if u is not plain[0]]
    return leftover


def _headline_index(heads: list[Unit]) -> int:
    levels = [u.level for u in heads if u.level]
    if levels:
        top = min(levels)
        return next(i for i, u in enumerate(heads) if u.level == top)
    bold = [i for i, u in enumerate(heads) if u.bold]
    if len(bold) == 1:
        return bold[0]
    candidates = [i for i, u in enumerate(heads)
                  if not pt.is_kicker_line(u.text) and not pt.is_subtitle_line(u.text)
                  and not pt.is_title_noise(u.text)]
    if not candidates:
        return 0
    if len(heads) == 2 and len(candidates) == 2:
        # kicker+headline or headline+subtitle: the headline is the terser line.
        return min(candidates, key=lambda i: (len(heads[i].text), -i))
    if len(candidates) == 2:
        return min(candidates, key=lambda i: (len(heads[i].text), -i))
    return candidates[1] if len(candidates) >= 3 else candidates[0]


def _join_title(first: str, second: str) -> str:
    if first[-1:].isascii() and second[:1].isascii() and first[-1:].isalnum() and second[:1].isalnum():
        return f"{first} {second}"
    return first + second
