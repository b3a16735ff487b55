"""Classified units → article drafts.

An article starts where a byline or dateline stands under a header (headings, then an
optional deck); a page that opens with headings starts one too. Between two starts lies
the body of the earlier one, except that a subhead section after the second article can
continue an earlier one (pages interleave): such a section goes to the article whose
text it resembles most.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from archivist.split.lines import Unit
from archivist.split.patterns import is_kicker_line, is_subtitle_line
from archivist.split.similarity import Profile

MAX_DECK_ITEMS = 6
MAX_DECK_CHARS = 200
MAX_HEADS = 5
_BODY_KINDS = ("paragraph", "dateline", "bullet")
_PAGE_KINDS = ("furniture", "placeholder")
_CONTINUED = re.compile(r"^[（(【]\s*(上接|接上|續上|上承)[^）)】]{0,12}[）)】]")  # （上接第1版）


@dataclass
class Section:
    subhead: Unit | None
    units: list[Unit] = field(default_factory=list)


@dataclass
class Draft:
    heads: list[Unit] = field(default_factory=list)
    deck: list[Unit] = field(default_factory=list)
    bylines: list[Unit] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    captions: list[Unit] = field(default_factory=list)

    def units(self):
        for s in self.sections:
            if s.subhead:
                yield s.subhead
            yield from s.units

    def has_body(self) -> bool:
        return any(u.kind in _BODY_KINDS for u in self.units())


def group(units: list[Unit]) -> tuple[list[str], list[Draft]]:
    furniture = [u.raw or u.text for u in units if u.kind in _PAGE_KINDS]
    flow = [u for u in units if u.kind not in _PAGE_KINDS]
    marked = _marked_starts(units, flow)
    starts = marked or _find_starts(flow)
    drafts: list[Draft] = []
    profiles: list[Profile] = []
    for n, (start, anchor) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(flow)
        draft = Draft()
        head_units = flow[start:anchor]
        draft.heads = [u for u in head_units if u.kind == "heading"]
        draft.deck = [u for u in head_units if u.kind != "heading"]
        i = anchor
        while i < end and flow[i].kind in ("byline", "penname"):
            draft.bylines.append(flow[i])
            i += 1
        drafts.append(draft)
        profiles.append(Profile())
        profiles[-1].add(u.text for u in draft.heads + draft.deck)
        fill_body(flow[i:end], drafts, profiles, split_topics=not marked)
    return furniture, pair_orphans(drafts)


def _marked_starts(units: list[Unit], flow: list[Unit]) -> list[tuple[int, int]]:
    """Article starts the page marks itself with thematic breaks (a scan's layout puts
    one before each article it found): where a page has any, they are the only starts —
    the reader that saw the page's boxes knows better than a dateline inside a text."""
    if not any(u.rule_before for u in units):
        return []
    marks, pending = [], False
    flow_ids = {id(u) for u in flow}
    for u in units:
        pending = pending or u.rule_before
        if id(u) in flow_ids:
            marks.append(pending)
            pending = False
    starts = []
    for i, mark in enumerate(marks):
        if i == 0 or mark:
            end = i
            while (end < len(flow) and flow[end].kind == "heading" and end - i < MAX_HEADS
                   and (end == i or not marks[end])):
                end += 1
            starts.append((i, end))
    return starts


def fill_body(units: list[Unit], drafts: list[Draft], profiles: list[Profile], split_topics: bool = True) -> None:
    """Put a title's text into its draft, section by section; a section that reads like an
    earlier article goes back to it. split_topics: an unrelated subhead section becomes an
    article of its own (the rules' guess; the line model says where articles begin)."""
    me = len(drafts) - 1
    sections = [Section(None)]
    for u in units:
        if u.kind == "heading":
            sections.append(Section(u))
        elif u.kind == "paragraph" and _CONTINUED.match(u.text):
            sections.append(Section(None, [u]))  # "(continued from page 1)": whose is it?
        else:
            sections[-1].units.append(u)
    titles: list[Section] = []  # subheads with no text yet: they go with what follows
    for k, section in enumerate(sections):
        if not section.subhead and not section.units:
            continue
        if k > 0 and not any(u.kind in _BODY_KINDS for u in section.units):
            titles.append(section)
            continue
        owner, score = _best_owner(section, profiles, me) if k > 0 else (me, 1.0)
        if split_topics and section.subhead and _new_topic(section, profiles[owner], score):
            # Unrelated text under a title, no byline: an article of its own.
            drafts.append(Draft(heads=[t.subhead for t in titles] + [section.subhead]))
            profiles.append(Profile())
            me = owner = len(drafts) - 1
            titles, section = [], Section(None, section.units)
        for t in titles:
            _put(t, drafts[owner], profiles[owner])
        titles = []
        _put(section, drafts[owner], profiles[owner])
    for t in titles:
        _put(t, drafts[me], profiles[me])


def _put(section: Section, draft: Draft, profile: Profile) -> None:
    kept = Section(section.subhead)
    for u in section.units:
        if u.kind == "caption":
            draft.captions.append(u)
        elif u.kind in ("byline", "penname"):
            draft.bylines.append(u)
        else:
            kept.units.append(u)
    draft.sections.append(kept)
    profile.add(u.text for u in ([section.subhead] if section.subhead else []) + section.units)


TOPIC_MIN_SECTION = 150  # characters: shorter sections say too little to judge
TOPIC_MIN_ARTICLE = 300
TOPIC_SIMILARITY = 0.10  # subhead sections of one article measured 0.3+ on the samples


def _new_topic(section: Section, owner: Profile, score: float) -> bool:
    size = sum(len(u.text) for u in section.units if u.kind in _BODY_KINDS)
    return size >= TOPIC_MIN_SECTION and owner.chars >= TOPIC_MIN_ARTICLE and score < TOPIC_SIMILARITY


# A section goes back to an earlier article only when that one is clearly closer; the
# factor is the ROC point tools/calibrate_reattach.py chooses on the corpus (at most 1% of
# an article's own sections moved away).
REATTACH_FACTOR = 2.10
REATTACH_MARGIN = 0.02


def _best_owner(section: Section, profiles: list[Profile], me: int) -> tuple[int, float]:
    probe = Profile()
    probe.add(u.text for u in ([section.subhead] if section.subhead else []) + section.units)
    # Only the last few articles can own it: scoring every earlier one made a month of
    # pages dumped into one file quadratic.
    scores = [(probe.cosine(profiles[i]), i) for i in range(max(0, me - 8), me + 1)]
    mine = scores[-1][0]
    best, who = max(scores)
    # Stay with the article just read unless another is clearly closer.
    return (who, best) if who != me and best > REATTACH_FACTOR * mine + REATTACH_MARGIN else (me, mine)


def _find_starts(flow: list[Unit]) -> list[tuple[int, int]]:
    """(header start, anchor) pairs in page order; anchor = first unit after the header."""
    claimed = [False] * len(flow)
    starts: list[tuple[int, int]] = []
    for i in range(len(flow)):
        if not claimed[i] and _is_anchor(flow, i):
            top = _header_top(flow, i, claimed)
            for j in range(top, i + 1):
                claimed[j] = True
            starts.append((top, i))
    # Then title groups that no byline or dateline follows.
    for i in range(len(flow)):
        if not claimed[i] and (_is_heading_group_start(flow, i, claimed) or _follows_signoff(flow, i, claimed)):
            end = i
            while end < len(flow) and flow[end].kind == "heading":
                claimed[end] = True
                end += 1
            starts.append((i, end))
    starts.sort()
    first = next((i for i, u in enumerate(flow)), None)
    if first is not None and (not starts or starts[0][0] > first):
        end = first
        while end < len(flow) and flow[end].kind == "heading" and end - first < MAX_HEADS:
            end += 1
        starts.insert(0, (first, end))
    return starts


def _is_anchor(flow: list[Unit], i: int) -> bool:
    u = flow[i]
    prev = flow[i - 1] if i else None
    nxt = flow[i + 1] if i + 1 < len(flow) else None
    if u.kind == "byline":
        if prev is not None and prev.kind in ("byline", "penname"):
            return False
        if prev is not None and prev.kind == "heading":
            return True
        trailing = u.text.startswith(("(", "（")) and prev is not None and prev.kind in _BODY_KINDS
        return not trailing and nxt is not None and nxt.kind in _BODY_KINDS + ("caption",)
    if u.kind == "penname":
        return prev is not None and prev.kind == "heading"
    if u.kind == "dateline":
        return prev is None or prev.kind not in ("byline", "penname")
    return False


def _follows_signoff(flow: list[Unit], i: int, claimed: list[bool]) -> bool:
    """A title right after a closing byline ("（记者 张三）" ending an article) begins the next."""
    if flow[i].kind != "heading" or i + 1 >= len(flow):
        return False
    j = i - 1
    while j >= 0 and flow[j].kind == "caption":
        j -= 1
    if j < 0 or flow[j].kind != "byline" or claimed[j]:
        return False  # decided before looking ahead: a page of headings made that look quadratic
    nxt = next((flow[k] for k in range(i, len(flow)) if flow[k].kind != "heading"), None)
    return nxt is not None and nxt.kind in _BODY_KINDS


def _header_top(flow: list[Unit], anchor: int, claimed: list[bool]) -> int:
    j = anchor - 1
    deck = 0
    while (j >= 0 and not claimed[j] and deck < MAX_DECK_ITEMS
           and flow[j].kind in ("bullet", "paragraph", "caption")
           and len(flow[j].text) <= MAX_DECK_CHARS):
        deck += 1
        j -= 1
    heads = 0
    levels: set[int] = set()
    while j >= 0 and not claimed[j] and flow[j].kind == "heading" and heads < MAX_HEADS:
        if flow[j].level and flow[j].level in levels:
            break  # two titles of one rank: the upper one heads another article
        levels.add(flow[j].level)
        heads += 1
        j -= 1
    return j + 1 if heads else anchor


def _is_heading_group_start(flow: list[Unit], i: int, claimed: list[bool]) -> bool:
    """Two or more marked title lines, then body text: a new article without a byline."""
    if flow[i].kind != "heading" or (i and flow[i - 1].kind == "heading"):
        return False
    end = i
    while end < len(flow) and flow[end].kind == "heading" and not claimed[end]:
        end += 1
    group = flow[i:end]
    if _is_photo_news(flow, group, end):
        return True
    if len(group) < 2 or end >= len(flow) or flow[end].kind not in _BODY_KINDS:
        return False
    marked = any(u.level or u.bold for u in group)
    framed = is_kicker_line(group[0].text) or is_subtitle_line(group[1].text)
    return framed or (marked and len({u.level for u in group}) > 1 and group[0].level and group[0].level <= 2)


def _is_photo_news(flow: list[Unit], group: list[Unit], end: int) -> bool:
    """A marked title over nothing but captions: a photo-news item."""
    if not (group[0].level or group[0].bold) or end >= len(flow) or flow[end].kind != "caption":
        return False
    while end < len(flow) and flow[end].kind == "caption":
        end += 1
    return end == len(flow) or flow[end].kind == "heading"


def pair_orphans(drafts: list[Draft]) -> list[Draft]:
    """A headline whose body was printed after another article: give it the next untitled body."""
    out: list[Draft] = []
    pending: list[Draft] = []
    for d in drafts:
        if d.heads and not d.has_body() and not d.captions:
            pending.append(d)
            out.append(d)
            continue
        if not d.heads and d.has_body() and pending:
            orphan = pending.pop(0)
            orphan.sections.extend(d.sections)
            orphan.captions.extend(d.captions)
            orphan.bylines.extend(d.bylines)
            orphan.deck.extend(d.deck)
            continue
        out.append(d)
    return out
