"""The article structure that flows from splitting to cleaning, the library and bundles.

Its dict form is the `archivist.split/1` contract (DESIGN §3); `Article.from_dict`
reads it back, so a stored revision round-trips without loss.
"""
from __future__ import annotations

from dataclasses import dataclass, field

SCHEMA = "archivist.split/1"
BLOCK_KINDS = ("paragraph", "subhead")
SCALAR_FIELDS = ("kicker", "headline", "subtitle", "dateline")
LIST_FIELDS = ("deck", "captions")


@dataclass
class Block:
    kind: str
    text: str


@dataclass(slots=True)
class Fix:
    """One automatic change, in the coordinates of the article as it is now.

    field: which part of the article changed: "blocks" (block = index of the block),
    a list field ("deck", "captions"; block = index in it) or a scalar field (block None).
    action: "replace" (text at start changed from before to after), "remove" (a whole
    block taken out; block = where it would go back), "join" (block joined to the one
    after it at offset start).
    """

    rule: str
    action: str
    before: str
    after: str
    block: int | None
    start: int | None = None
    reason: str = ""
    field: str = "blocks"
    reverted: bool = False
    kind: str | None = None  # the kind of a removed block, to put it back as it was
    # The fix whose revert brought this fix's text back (its index); such a fix goes
    # away again when that one is re-applied.
    restored_by: int | None = None

    def to_dict(self) -> dict:
        d = {"rule": self.rule, "action": self.action, "before": self.before, "after": self.after,
             "block": self.block, "start": self.start, "reason": self.reason, "field": self.field,
             "reverted": self.reverted}
        if self.kind is not None:
            d["kind"] = self.kind
        if self.restored_by is not None:
            d["restored_by"] = self.restored_by
        return d

    @classmethod
    def from_dict(cls, d: dict) -> Fix:
        known = {k: d[k] for k in cls.__dataclass_fields__ if k in d}
        return cls(**known)

    def span_len(self) -> int:
        """Length of this fix's text as the article stands (after, or before if reverted)."""
        return len(self.before if self.reverted else self.after)


@dataclass
class Article:
    kicker: str | None = None
    headline: str | None = None
    subtitle: str | None = None
    deck: list[str] = field(default_factory=list)
    byline: list[str] = field(default_factory=list)
    dateline: str | None = None
    blocks: list[Block] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    fixes: list[Fix] = field(default_factory=list)
    credit: list[str] = field(default_factory=list)  # raw byline lines, as printed

    def to_dict(self) -> dict:
        return {
            "kicker": self.kicker,
            "headline": self.headline,
            "subtitle": self.subtitle,
            "deck": list(self.deck),
            "byline": list(self.byline),
            "dateline": self.dateline,
            "blocks": [{"kind": b.kind, "text": b.text} for b in self.blocks],
            "captions": list(self.captions),
            "fixes": [f.to_dict() for f in self.fixes],
            "credit": list(self.credit),
        }

    @classmethod
    def from_dict(cls, d: dict) -> Article:
        return cls(
            kicker=d.get("kicker"),
            headline=d.get("headline"),
            subtitle=d.get("subtitle"),
            deck=list(d.get("deck") or []),
            byline=list(d.get("byline") or []),
            dateline=d.get("dateline"),
            blocks=[Block(b.get("kind", "paragraph"), b.get("text", "")) for b in d.get("blocks") or []],
            captions=list(d.get("captions") or []),
            fixes=[Fix.from_dict(f) for f in d.get("fixes") or []],
            credit=list(d.get("credit") or []),
        )

    def body_text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks)


@dataclass
class Page:
    furniture: list[str] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
