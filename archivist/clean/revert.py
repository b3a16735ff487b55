"""Revert or re-apply one recorded fix, leaving every other fix revertible."""
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
    return a


def reapply(a: Article, index: int) -> Article:
    fix = _fix(a, index, want_reverted=True)
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
