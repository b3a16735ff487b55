"""Edits of an Article that keep every recorded fix's coordinates true.

Fixes are stored in the coordinates of the article as it is now, so that any one of
them can be reverted or re-applied later in any order. Every change of text goes through
these primitives, which shift the other fixes' block indices and offsets.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from archivist.errors import ArchivistError
from archivist.model import Article, Block, Fix

BREAK = "\n\n"  # what a join removed: the break between two paragraphs


class FixConflict(ArchivistError):
    """The text a fix touched has changed since; it cannot be reverted automatically."""


def get_text(a: Article, field: str, idx: int | None) -> str:
    if field == "blocks":
        return a.blocks[idx].text
    value = getattr(a, field)
    return value[idx] if isinstance(value, list) else (value or "")


def set_text(a: Article, field: str, idx: int | None, text: str) -> None:
    if field == "blocks":
        a.blocks[idx].text = text
    elif isinstance(getattr(a, field), list):
        getattr(a, field)[idx] = text
    else:
        setattr(a, field, text)


def _here(a: Article, field: str, idx: int | None, skip: Fix | None = None) -> list[Fix]:
    return [f for f in a.fixes if f.field == field and f.block == idx and f.action != "remove" and f is not skip]


def replace_spans(a: Article, rule: str, field: str, idx: int | None,
                  edits: Iterable[tuple[int, int, str, str]]) -> list[Fix]:
    """Apply non-overlapping edits (start, end, new, reason) to one text, left to right,
    as fixes of `rule`. Edits that would touch an earlier fix's text are skipped."""
    edits = sorted(edits, key=lambda e: e[0])
    if not edits:  # most texts need no fix: skip the pass over every fix of the article
        return []
    text = get_text(a, field, idx)
    existing = sorted(_here(a, field, idx), key=lambda f: f.start)
    taken = [(f.start, f.start + f.span_len()) if f.action == "replace" else (f.start, f.start) for f in existing]
    starts = [s for s, _ in taken]
    out: list[str] = []
    made: list[Fix] = []
    shifts: list[tuple[int, int]] = []  # (position in old text, delta from edits before it)
    pos = delta = 0
    for start, end, new, reason in edits:
        if start < pos or _touches(taken, starts, start, end):
            continue
        out.append(text[pos:start])
        out.append(new)
        made.append(Fix(rule, "replace", text[start:end], new, idx, start + delta, reason, field))
        delta += len(new) - (end - start)
        shifts.append((end, delta))
        pos = end
    if not made:
        return []
    out.append(text[pos:])
    set_text(a, field, idx, "".join(out))
    if any(d for _, d in shifts):
        ends = [e for e, _ in shifts]
        for f in existing:
            k = bisect_right(ends, f.start)
            if k:
                f.start += shifts[k - 1][1]
    a.fixes.extend(made)
    return made


def _touches(taken, starts, start, end) -> bool:
    k = bisect_right(starts, end)
    for s, e in taken[max(0, k - 2):k + 1]:
        if s == e:  # a join point: an edit may not straddle it
            if start < s < end:
                return True
        elif start < e and s < end:
            return True
    return False


def shift_in_place(a: Article, field: str, idx: int | None, at: int, delta: int, skip: Fix | None,
                   inserted: bool = False) -> None:
    """Move the fixes at or after `at` by delta. Text inserted right at a join point
    belongs to the second paragraph (it was taken from its start), so the join stays."""
    for f in _here(a, field, idx, skip):
        if f.start > at or (f.start == at and not (inserted and f.action == "join")):
            f.start += delta


def _absent(f: Fix) -> bool:
    """A removed block not put back: it sits in a gap between blocks, not in one."""
    return f.field == "blocks" and f.action == "remove" and not f.reverted


def _block_fixes(a: Article, skip: Fix | None) -> list[Fix]:
    """The fixes whose block number a change to the block list may move."""
    return [f for f in a.fixes if f.field == "blocks" and f is not skip]


def _gap(a: Article, p: int, skip: Fix | None = None) -> list[Fix]:
    # Several removed blocks can share one gap; `start` orders them within it.
    return sorted((f for f in a.fixes if _absent(f) and f.block == p and f is not skip),
                  key=lambda f: f.start or 0)


def _number(members: list[Fix], gap: int, first: int = 0) -> None:
    for n, f in enumerate(members, first):
        f.block, f.start = gap, n


def remove_block(a: Article, idx: int, skip: Fix | None = None) -> tuple[Block, int]:
    """Take block idx out; return it and its order within the gap it leaves."""
    before, after = _gap(a, idx, skip), _gap(a, idx + 1, skip)
    for f in _block_fixes(a, skip):
        if _absent(f):
            if f.block > idx + 1:
                f.block -= 1
        elif f.block == idx:
            raise FixConflict("another fix was made inside this paragraph; revert that one first")
        elif f.block > idx:
            f.block -= 1
    _number(before, idx)
    _number(after, idx, len(before) + 1)
    return a.blocks.pop(idx), len(before)


def insert_block(a: Article, idx: int, block: Block, skip: Fix | None = None, order: int = 0) -> None:
    """Put a block back at idx; removed blocks of that gap ordered after it follow it."""
    later = [f for f in _gap(a, idx, skip) if (f.start or 0) > order]
    for f in _block_fixes(a, skip):
        if _absent(f):
            if f.block > idx:
                f.block += 1
        elif f.block >= idx:
            f.block += 1
    _number(later, idx + 1)
    a.blocks.insert(idx, block)


def join_blocks(a: Article, idx: int, skip: Fix | None = None) -> int:
    """Join block idx+1 onto block idx; return the offset of the join.
    Removed blocks that stood between the two now stand after the joined one."""
    first, second = a.blocks[idx], a.blocks[idx + 1]
    offset = len(first.text)
    merged = _gap(a, idx + 1, skip) + _gap(a, idx + 2, skip)
    for f in _block_fixes(a, skip):
        if _absent(f):
            if f.block > idx + 2:
                f.block -= 1
        elif f.block == idx + 1:
            f.block, f.start = idx, f.start + offset
        elif f.block > idx + 1:
            f.block -= 1
    _number(merged, idx + 1)
    first.text += second.text
    del a.blocks[idx + 1]
    return offset


def split_block(a: Article, idx: int, offset: int, skip: Fix | None = None) -> None:
    text = a.blocks[idx].text
    for f in _block_fixes(a, skip):
        if _absent(f):
            if f.block > idx:
                f.block += 1
        elif f.block > idx:
            f.block += 1
        elif f.block == idx and f.start >= offset:
            f.block, f.start = idx + 1, f.start - offset
    a.blocks[idx].text = text[:offset]
    a.blocks.insert(idx + 1, Block("paragraph", text[offset:]))


def record_remove(a: Article, rule: str, idx: int, reason: str) -> Fix:
    block, order = remove_block(a, idx)
    fix = Fix(rule, "remove", block.text, "", idx, order, reason, "blocks", kind=block.kind)
    a.fixes.append(fix)
    return fix


def record_removes(a: Article, rule: str, doomed: list[tuple[int, str]]) -> list[Fix]:
    """Remove many blocks, (index, reason) highest index first, in one pass: the same fixes,
    coordinates and order as record_remove on each in turn, which costs a pass over every
    fix per block (20,000 repeated paragraphs took minutes)."""
    gone = sorted({i for i, _ in doomed})
    gone_set = set(gone)
    if len(gone) != len(doomed):
        raise ValueError("a block can be removed once")
    moved = _block_fixes(a, None)
    if any(f.block in gone_set and not _absent(f) for f in moved):
        raise FixConflict("another fix was made inside this paragraph; revert that one first")

    def after(p: int) -> int:  # a block or gap's number once the doomed blocks are out
        return p - bisect_left(gone, p)

    made = [Fix(rule, "remove", a.blocks[i].text, "", i, 0, reason, "blocks", kind=a.blocks[i].kind)
            for i, reason in doomed]
    touched = {after(i) for i in gone}
    # A gap a removed block joins is numbered anew in page order: what stood in the gap
    # before the block, the block, what stood in the gap after it.
    members: dict[int, list[tuple[tuple[int, int, int], Fix]]] = {g: [] for g in touched}
    for f in moved:
        if _absent(f) and after(f.block) in touched:
            members[after(f.block)].append(((f.block, 0, f.start or 0), f))
        f.block = after(f.block)
    for fix in made:
        members[after(fix.block)].append(((fix.block, 1, 0), fix))
        fix.block = after(fix.block)
    for group in members.values():
        group.sort(key=lambda m: m[0])
        _number([f for _, f in group], group[0][1].block)
    a.blocks[:] = [b for j, b in enumerate(a.blocks) if j not in gone_set]
    a.fixes.extend(made)
    return made


def record_join(a: Article, rule: str, idx: int, reason: str) -> Fix:
    offset = join_blocks(a, idx)
    fix = Fix(rule, "join", BREAK, "", idx, offset, reason, "blocks")
    a.fixes.append(fix)
    return fix
