"""Revert or re-apply one recorded fix, leaving every other fix revertible.

Text a reverted paragraph fix brings back (a removed paragraph or sentence) was never
through the character rules, which run after the paragraph ones; it gets them then, as
new fixes listed and revertible like any other, and loses them when the fix is re-applied."""
from __future__ import annotations

from archivist.clean.edits import (
    FixConflict, get_text, insert_block, join_blocks, remove_block, set_text, shift_in_place, split_block,
)
from archivist.model import Article, Block, Fix


def revert(a: Article, index: int) -> Article:
    fix = _fix(a, index, want_reverted=False)
    if fix.action == "replace":
        _swap(a, fix, fix.after, fix.before)
    elif fix.action == "remove":
        if fix.block > len(a.blocks):
            raise FixConflict("the article has fewer paragraphs than when this fix was made")
        insert_block(a, fix.block, Block(fix.kind or "paragraph", fix.before), skip=fix, order=fix.start or 0)
    elif fix.action == "join":
        if fix.block >= len(a.blocks) or len(a.blocks[fix.block].text) < fix.start:
            raise FixConflict("the joined paragraph has changed since")
        split_block(a, fix.block, fix.start, skip=fix)
    fix.reverted = True
    if fix.rule.startswith("dedupe.") and fix.before and fix.action in ("replace", "remove"):
        _clean_restored(a, index, fix)
    return a


def _clean_restored(a: Article, index: int, fix: Fix) -> None:
    from archivist.clean.steps import TEXT_STEPS  # noqa: PLC0415 - steps imports the rules, not this

    # The reverted fix's span would shield the restored text from the rules (they never
    # touch another fix's text): seen as a zero-width point meanwhile, it still moves
    # with edits before it.
    after, fix.after, fix.reverted = fix.after, "", False
    first = len(a.fixes)
    try:
        for _, step in TEXT_STEPS:
            step(a, fix.field, fix.block)
    finally:
        fix.after, fix.reverted = after, True
    for new in a.fixes[first:]:
        new.restored_by = index
        new.reason = f"{new.reason} (in text brought back by reverting fix #{index + 1})"


def _drop_restored(a: Article, index: int) -> None:
    """Take back the character fixes made in the text of fix `index` when it was reverted."""
    for k in range(len(a.fixes) - 1, -1, -1):
        if a.fixes[k].restored_by == index:
            if not a.fixes[k].reverted:
                revert(a, k)
            del a.fixes[k]


def reapply(a: Article, index: int) -> Article:
    fix = _fix(a, index, want_reverted=True)
    _drop_restored(a, index)
    if fix.action == "replace":
        _swap(a, fix, fix.before, fix.after)
    elif fix.action == "remove":
        if fix.block >= len(a.blocks) or a.blocks[fix.block].text != fix.before:
            raise FixConflict("the paragraph to remove is no longer where it was")
        _, fix.start = remove_block(a, fix.block, skip=fix)
    elif fix.action == "join":
        if fix.block + 1 >= len(a.blocks) or len(a.blocks[fix.block].text) != fix.start:
            raise FixConflict("the paragraphs to join have changed since")
        join_blocks(a, fix.block, skip=fix)
    fix.reverted = False
    return a


def revert_fix(article: dict, index: int) -> dict:
    """Dict in, dict out: the form the library stores revisions in."""
    return revert(Article.from_dict(article), index).to_dict()


def reapply_fix(article: dict, index: int) -> dict:
    return reapply(Article.from_dict(article), index).to_dict()


def _fix(a: Article, index: int, want_reverted: bool) -> Fix:
    if not 0 <= index < len(a.fixes):
        raise FixConflict(f"no fix number {index}")
    fix = a.fixes[index]
    if fix.reverted != want_reverted:
        raise FixConflict("this fix is already " + ("applied" if want_reverted else "reverted"))
    return fix


def _swap(a: Article, fix: Fix, current: str, replacement: str) -> None:
    text = get_text(a, fix.field, fix.block)
    end = fix.start + len(current)
    if text[fix.start:end] != current:
        raise FixConflict("the text this fix changed has been edited since")
    set_text(a, fix.field, fix.block, text[:fix.start] + replacement + text[end:])
    if len(replacement) != len(current):
        shift_in_place(a, fix.field, fix.block, end, len(replacement) - len(current), skip=fix,
                       inserted=not current)
