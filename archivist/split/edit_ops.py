"""Hand edits of article dicts (the article editor and the split editor), Qt-free.

Every function takes archivist.split/1 article dicts and returns new ones; inputs are
never changed. Recorded fixes stay attached to the text they describe, so each one can
still be reverted after the edit: an article is taken apart into elements (headline,
deck items, blocks, captions…), each carrying its own fixes with offsets into its own
text, the elements are edited or moved, and the article is put back together with every
fix's field/block renumbered. A fix whose text a person rewrote by hand is dropped (the
person's text supersedes it; the previous revision still records it).
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field
from difflib import SequenceMatcher

SCALARS = ("kicker", "headline", "subtitle")
LISTS = ("deck", "captions")
BLOCK_KINDS = ("paragraph", "subhead")
# What a person can turn an element into in the split editor.
ROLES = ("kicker", "headline", "subtitle", "deck", "paragraph", "subhead", "caption")
_ROLE_OF_LIST = {"deck": "deck", "captions": "caption"}
_META = ("id", "source_id", "position", "source", "date", "status", "trashed", "revision_id", "tags",
         "duplicate_of", "similarity")
_ORDER = "_order"  # temporary key: a fix's place in the output list


@dataclass
class Element:
    role: str                                        # one of ROLES
    text: str
    fixes: list[dict] = field(default_factory=list)  # fixes inside this text
    gap: list[dict] = field(default_factory=list)    # removed paragraphs just before this block


@dataclass
class Parts:
    scalars: dict[str, Element | None]
    deck: list[Element]
    blocks: list[Element]
    captions: list[Element]
    tail: list[dict]     # removed paragraphs after the last block
    rest: dict           # byline, dateline, credit: no fixes attach to them
    other_fixes: list[dict]


def decompose(article: dict, number: int = 0) -> Parts:
    a = copy.deepcopy(article)
    scalars = {k: (Element(k, a[k]) if a.get(k) is not None else None) for k in SCALARS}
    deck = [Element("deck", t) for t in a.get("deck") or []]
    blocks = [Element(b.get("kind", "paragraph"), b.get("text", "")) for b in a.get("blocks") or []]
    captions = [Element("caption", t) for t in a.get("captions") or []]
    tail: list[dict] = []
    other: list[dict] = []
    for n, f in enumerate(a.get("fixes") or []):
        f[_ORDER] = (number, n)
        where, idx = f.get("field", "blocks"), f.get("block")
        if where in SCALARS:
            target = scalars[where].fixes if scalars[where] is not None else None
        elif where in LISTS:
            items = deck if where == "deck" else captions
            target = items[idx].fixes if idx is not None and 0 <= idx < len(items) else None
        elif where == "blocks" and f.get("action") == "remove" and not f.get("reverted"):
            target = blocks[idx].gap if idx is not None and 0 <= idx < len(blocks) else tail
        elif where == "blocks":
            target = blocks[idx].fixes if idx is not None and 0 <= idx < len(blocks) else None
        else:
            target = other
        if target is not None:
            target.append(f)
    rest = {"byline": list(a.get("byline") or []), "dateline": a.get("dateline"),
            "credit": list(a.get("credit") or [])}
    return Parts(scalars, deck, blocks, captions, tail, rest, other)


def compose(p: Parts) -> dict:
    fixes: list[dict] = list(p.other_fixes)
    out: dict = {}
    for k in SCALARS:
        el = p.scalars.get(k)
        out[k] = el.text if el is not None else None
        for f in el.fixes if el is not None else []:
            fixes.append(_at(f, k, None))
    for name, items in (("deck", p.deck), ("captions", p.captions)):
        out[name] = [el.text for el in items]
        for i, el in enumerate(items):
            fixes.extend(_at(f, name, i) for f in el.fixes)
    out["byline"], out["dateline"], out["credit"] = list(p.rest["byline"]), p.rest["dateline"], list(p.rest["credit"])
    out["blocks"] = [{"kind": el.role, "text": el.text} for el in p.blocks]
    for i, el in enumerate(p.blocks):
        fixes.extend(_gap_at(el.gap, i))
        fixes.extend(_at(f, "blocks", i) for f in el.fixes)
    fixes.extend(_gap_at(p.tail, len(p.blocks)))
    fixes.sort(key=lambda f: f.get(_ORDER, (99, 0)))
    for f in fixes:
        f.pop(_ORDER, None)
    out["fixes"] = fixes
    return out


def _at(f: dict, where: str, idx: int | None) -> dict:
    f["field"], f["block"] = where, idx
    return f


def _gap_at(gap: list[dict], idx: int) -> list[dict]:
    # Several removed paragraphs share one gap; `start` numbers their order within it.
    for n, f in enumerate(gap):
        f["field"], f["block"], f["start"] = "blocks", idx, n
    return gap


# ---- text edits ---------------------------------------------------------------------------
def _span(f: dict) -> tuple[int, int]:
    start = f.get("start") or 0
    if f.get("action") == "replace":
        return start, start + len(f.get("before") if f.get("reverted") else f.get("after") or "")
    return start, start  # a join point (a reverted join: the end of the first half)


def retext(el: Element, new: str) -> None:
    """Give the element new text; fixes in unchanged text move with it, fixes whose text
    was rewritten are dropped."""
    if new == el.text:
        return
    ops = SequenceMatcher(None, el.text, new, autojunk=False).get_opcodes()
    kept = []
    for f in el.fixes:
        s, e = _span(f)
        for tag, i1, i2, j1, _j2 in ops:
            inside = i1 <= s and e <= i2 if s < e else i1 <= s <= i2
            if tag == "equal" and inside:
                f["start"] = s - i1 + j1
                kept.append(f)
                break
    el.fixes = kept
    el.text = new


def _as_role(el: Element, role: str) -> Element:
    """The element under a new role. Leaving the body drops the fixes that only make sense
    between paragraphs (joins, put-back removals)."""
    if el.role in BLOCK_KINDS and role not in BLOCK_KINDS:
        el.fixes = [f for f in el.fixes if f.get("action") == "replace"]
    el.role = role
    return el


def _realign(old: list[Element], new_texts: list[str], role: str, carry_gaps: bool) -> tuple[list[Element], list]:
    """Match edited items to the old ones; matched items keep their fixes. Returns the new
    elements and the removed-paragraph records left over for the end."""
    out: list[Element] = []
    carry: list[dict] = []
    sm = SequenceMatcher(None, [e.text for e in old], new_texts, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            pairs = list(zip(old[i1:i2], new_texts[j1:j2]))
            for el, text in pairs:
                retext(el, text)
                out.append(el)
        else:
            for el in old[i1:i2]:
                carry.extend(el.gap)
            out.extend(Element(role, t) for t in new_texts[j1:j2])
            continue
        if carry_gaps and carry:
            out[-len(pairs)].gap[:0] = carry
            carry = []
    return out, carry


def apply_edit(article: dict, changes: dict) -> dict:
    """The article with `changes` (field → new value, as in the dict form) applied.
    blocks: list of {"kind", "text"}."""
    p = decompose(article)
    for k in SCALARS:
        if k in changes:
            new = changes[k] or None
            el = p.scalars[k]
            if new is None:
                p.scalars[k] = None
            elif el is None:
                p.scalars[k] = Element(k, new)
            else:
                retext(el, new)
    for name, role in _ROLE_OF_LIST.items():
        if name in changes:
            items, _ = _realign(getattr(p, name), list(changes[name]), role, carry_gaps=False)
            setattr(p, name, items)
    if "blocks" in changes:
        new_blocks = changes["blocks"]
        p.blocks, carry = _realign(p.blocks, [b["text"] for b in new_blocks], "paragraph", carry_gaps=True)
        p.tail[:0] = carry
        for el, b in zip(p.blocks, new_blocks):
            el.role = b.get("kind", "paragraph") if b.get("kind") in BLOCK_KINDS else "paragraph"
    for k in ("byline", "credit"):
        if k in changes:
            p.rest[k] = list(changes[k])
    if "dateline" in changes:
        p.rest["dateline"] = changes["dateline"] or None
    return _with_meta(article, compose(p))


def changed_fields(old: dict, new: dict) -> list[str]:
    names = ("kicker", "headline", "subtitle", "deck", "byline", "dateline", "blocks", "captions")
    return [k for k in names if (old.get(k) or None) != (new.get(k) or None)]


def _with_meta(source: dict, out: dict) -> dict:
    for k in _META:
        if k in source:
            out[k] = source[k]
    return out


# ---- the split editor -----------------------------------------------------------------------
def _take_block(p: Parts, i: int) -> Element:
    """Take block i out; the removed paragraphs that stood before it stay where they were."""
    el = p.blocks.pop(i)
    if el.gap:
        (p.blocks[i].gap if i < len(p.blocks) else p.tail)[:0] = el.gap
        el.gap = []
    return el


def _put_block(p: Parts, i: int, el: Element) -> None:
    if i >= len(p.blocks):
        el.gap = el.gap + p.tail  # nothing stood after the old last block but the tail
        p.tail = []
    p.blocks.insert(i, el)


def _scalar_to_block(el: Element | None) -> list[Element]:
    return [] if el is None or not el.text else [_as_role(el, "subhead")]


def merge_articles(first: dict, second: dict) -> dict:
    """`second` appended to `first` (keeps first's id). Second's kicker, headline and
    subtitle become subheads at the join, unless first has no headline: then they are
    first's."""
    a, b = decompose(first, 0), decompose(second, 1)
    if a.scalars.get("headline") is None and b.scalars.get("headline") is not None:
        for k in SCALARS:
            if a.scalars.get(k) is None:
                a.scalars[k], b.scalars[k] = b.scalars[k], None
    heads = [el for k in SCALARS for el in _scalar_to_block(b.scalars.get(k))]
    for el in heads + b.blocks:
        _put_block(a, len(a.blocks), el)
    a.tail.extend(b.tail)
    a.deck += b.deck
    a.captions += b.captions
    a.rest["byline"] += [n for n in b.rest["byline"] if n not in a.rest["byline"]]
    a.rest["credit"] += [c for c in b.rest["credit"] if c not in a.rest["credit"]]
    a.rest["dateline"] = a.rest["dateline"] or b.rest["dateline"]
    a.other_fixes += b.other_fixes
    return _with_meta(first, compose(a))


def split_article(article: dict, at_block: int) -> tuple[dict, dict]:
    """Blocks from `at_block` on become a new article (no id). A subhead there becomes the
    new article's headline. Deck, byline and captions stay with the first part."""
    p = decompose(article)
    if not 0 < at_block < len(p.blocks):
        raise ValueError(f"cannot split at block {at_block} of {len(p.blocks)}")
    moved = p.blocks[at_block:]
    del p.blocks[at_block:]
    # Paragraphs removed at the cut stay with the first part; those at the end go along.
    q_tail, p.tail, moved[0].gap = p.tail, moved[0].gap, []
    q = Parts(dict.fromkeys(SCALARS), [], [], [], q_tail, {"byline": [], "dateline": None, "credit": []}, [])
    if moved[0].role == "subhead":
        q.scalars["headline"] = _as_role(moved.pop(0), "headline")
    q.blocks = moved
    return _with_meta(article, compose(p)), compose(q)


def move_block(source: dict, index: int, target: dict, position: int | None = None) -> tuple[dict, dict]:
    """Block `index` of source moved to `target` at `position` (None: the end)."""
    p, q = decompose(source, 0), decompose(target, 1)
    if not 0 <= index < len(p.blocks):
        raise ValueError(f"no block {index}")
    el = _take_block(p, index)
    _put_block(q, len(q.blocks) if position is None else max(0, min(position, len(q.blocks))), el)
    return _with_meta(source, compose(p)), _with_meta(target, compose(q))


def elements(article: dict) -> list[tuple[str, int | None, str, str]]:
    """(field, index, role, text) of every text element in reading order, for listing."""
    out = [(k, None, k, article[k]) for k in SCALARS if article.get(k) is not None]
    out += [("deck", i, "deck", t) for i, t in enumerate(article.get("deck") or [])]
    out += [("blocks", i, b.get("kind", "paragraph"), b.get("text", ""))
            for i, b in enumerate(article.get("blocks") or [])]
    out += [("captions", i, "caption", t) for i, t in enumerate(article.get("captions") or [])]
    return out


def change_kind(article: dict, where: str, index: int | None, role: str) -> dict:
    """The element at (where, index) given another role. Into a kicker/headline/subtitle
    already taken: the two swap places. Into the body: from above it, it goes to the top,
    else to the end; into deck or captions: appended."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    p = decompose(article)
    if where in ("blocks", *LISTS) and not (index is not None and 0 <= index < len(getattr(p, where))):
        raise ValueError(f"the article has no {where} item {index}")
    if where == "blocks" and role in BLOCK_KINDS:
        p.blocks[index].role = role  # same place: the fixes are untouched
        return _with_meta(article, compose(p))
    if where in SCALARS:
        el, p.scalars[where], old_role = p.scalars.get(where), None, where
    elif where == "blocks":
        old_role = p.blocks[index].role
        el = _take_block(p, index)
    elif where in LISTS:
        el, old_role = getattr(p, where).pop(index), _ROLE_OF_LIST[where]
    else:
        raise ValueError(f"unknown element {where!r}")
    if el is None:
        raise ValueError(f"the article has no {where}")
    if role in SCALARS:
        occupant, p.scalars[role] = p.scalars.get(role), _as_role(el, role)
        if occupant is not None:  # swap: the occupant takes the moved element's place
            _place(p, occupant, where, index, old_role)
    else:
        dest = {"deck": "deck", "caption": "captions"}.get(role, "blocks")
        top = dest == "blocks" and (where in SCALARS or where == "deck")
        _place(p, el, dest, 0 if top else None, role)
    return _with_meta(article, compose(p))


def _place(p: Parts, el: Element, where: str, index: int | None, role: str) -> None:
    el = _as_role(el, role)
    if where in SCALARS:
        p.scalars[where] = el
    elif where == "blocks":
        _put_block(p, len(p.blocks) if index is None else index, el)
    else:
        items = getattr(p, where)
        items.insert(len(items) if index is None else index, el)


# ---- the review ----------------------------------------------------------------------------
def before_cleaning(article: dict) -> dict:
    """The article as first split: every applied fix reverted, on a copy. The fixes come
    back in that text's coordinates, each marked reverted (so their `before` is in place).
    A fix that cannot be reverted (its text was edited since) is left applied."""
    from archivist.clean.edits import FixConflict  # noqa: PLC0415
    from archivist.clean.revert import revert  # noqa: PLC0415
    from archivist.model import Article  # noqa: PLC0415

    a = Article.from_dict(article)
    for k in reversed(range(len(a.fixes))):
        if not a.fixes[k].reverted:
            try:
                revert(a, k)
            except FixConflict:
                continue
    return a.to_dict()


def with_all_fixes(article: dict) -> dict:
    """The article with every reverted fix re-applied (the reviewer accepts them all).
    A fix that no longer fits its text stays reverted."""
    from archivist.clean.edits import FixConflict  # noqa: PLC0415
    from archivist.clean.revert import reapply  # noqa: PLC0415
    from archivist.model import Article  # noqa: PLC0415

    a = Article.from_dict(article)
    for k, f in enumerate(a.fixes):
        if f.reverted:
            try:
                reapply(a, k)
            except FixConflict:
                continue
    return _with_meta(article, a.to_dict())
