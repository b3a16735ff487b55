"""Labelled lines → article drafts: articles fall out of the line model's label sequence.

A title line (kicker, headline, subtitle) after body text, or a line the model marks as
beginning an article ("^"), opens a new draft. Deck and box labels under a title go to
the deck; subheads open sections, which group.fill_body may hand back to an earlier
article they resemble (a section printed after another article).
"""
from __future__ import annotations

from archivist.split.features import ORNAMENTS, PHOTO_CREDIT
from archivist.split.group import Draft, fill_body, pair_orphans
from archivist.split.labeller import PAGE_LABELS
from archivist.split.lines import Unit
from archivist.split.patterns import dateline_of
from archivist.split.similarity import Profile
from archivist.text.script import to_simplified

_TITLES = ("kicker", "headline", "subtitle")
_ORDER = {"kicker": 0, "headline": 1, "subtitle": 2}
# How a labelled line is read by the body filler (group.fill_body's kinds).
_KIND = {"subhead": "heading", "body": "paragraph", "dateline": "dateline", "byline": "byline",
         "caption": "caption", "deck": "paragraph", "boxlabel": "paragraph"}


def group_labelled(units: list[Unit]) -> tuple[list[str], list[Draft]]:
    furniture = [u.raw or u.text for u in units if u.label.lstrip("^") in PAGE_LABELS]
    drafts: list[Draft] = []
    profiles: list[Profile] = []
    body: list[Unit] = []
    last_title = -1

    def close() -> None:
        if drafts:
            fill_body(body, drafts, profiles, split_topics=False)
        body.clear()

    def open_draft() -> Draft:
        close()
        drafts.append(Draft())
        profiles.append(Profile())
        return drafts[-1]

    for u in units:
        begins, label = u.label.startswith("^"), u.label.lstrip("^")
        if label in PAGE_LABELS:
            continue
        d = drafts[-1] if drafts else None
        if label in _TITLES:
            order = _ORDER[label]
            fresh = d is None or begins or body or d.bylines or (d.heads and order < last_title) \
                or (d.heads and order == last_title and label != "headline")
            if fresh:
                d = open_draft()
            u.kind, u.role = "heading", label
            d.heads.append(u)
            profiles[-1].add([u.text])
            last_title = order
            continue
        if d is None or (begins and (body or d.heads or d.deck)):
            d = open_draft()
            last_title = -1
        u.kind = _KIND.get(label, "paragraph")
        if u.kind == "paragraph" and not body and dateline_of(u.text):
            u.kind = "dateline"  # the text opens with a dateline: 本报讯, 新华社北京…电
        if label in ("deck", "boxlabel") and not body:
            d.deck.append(u)
            profiles[-1].add([u.text])
        elif label == "byline" and not body:
            d.bylines.append(u)
        else:
            body.append(u)
    close()
    return furniture, without_empty(pair_orphans(drafts), furniture)


def without_empty(drafts: list[Draft], furniture: list[str]) -> list[Draft]:
    """Drafts that hold text. Title lines with no text under them stack onto the title of
    the draft right after them (a kicker and a headline the model read as two titles);
    when no title follows, they and a draft of bare captions (a photo printed on its own,
    a portrait's name) are page furniture: kept on the page, not made an article."""
    out: list[Draft] = []
    waiting: Draft | None = None
    for d in drafts:
        has_text = (d.has_body() and not _lone_caption(d)) or (d.heads and d.captions)
        if not has_text:
            if waiting is not None:  # two text-less drafts in a row: the first stacks on nothing
                furniture.extend(_lines(waiting))
                waiting = None
            if d.heads:
                waiting = d
            else:
                furniture.extend(_lines(d))
            continue
        if waiting is not None:
            if d.heads:
                d.heads[:0] = waiting.heads
                d.deck[:0] = waiting.deck
                d.bylines[:0] = waiting.bylines
            else:
                furniture.extend(_lines(waiting))
            waiting = None
        out.append(d)
    if waiting is not None:
        furniture.extend(_lines(waiting))
    return out


_FRAMES = ORNAMENTS + tuple("◀▶◄►")  # 晶報 1920 frames a portrait's name as ◀name▶


def _lone_caption(d: Draft) -> bool:
    """An untitled draft of one line that reads as a picture's caption: framed by
    ornaments (◘沈笑笑老三◘, as the corpus's news-in-brief pages frame captions) or ending
    in a photo credit (…圖(浩如攝), …王伟摄)."""
    units = list(d.units())
    if d.heads or d.deck or len(units) != 1:
        return False
    t = to_simplified(units[0].text)
    framed = len(t) > 2 and t.startswith(_FRAMES) and t.endswith(_FRAMES)
    return len(t) <= 60 and (framed or bool(PHOTO_CREDIT.search(t)))


def _lines(d: Draft) -> list[str]:
    units = d.heads + d.deck + d.bylines + list(d.units()) + d.captions
    return [u.raw or u.text for u in sorted(units, key=lambda u: u.line)]
