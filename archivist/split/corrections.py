"""A page's articles as stored → one line-model label per raw line (the archivist's
corrections become training labels).

The articles are what the split editor and the article editor left: cleaned, perhaps
retyped in places. Each raw line is matched to the article element whose text holds it
(letters and digits only, so punctuation the cleaner changed or brackets a person took off
a headline do not matter; the cleaner's own fixes are reverted first), and gets that
element's label: kicker, headline, subtitle, deck, byline, dateline, body, subhead,
caption; "cont" for a further line of the same paragraph with no blank line between; "^"
before the line where an article begins (or where its text resumes after another's). A
line in no article is page furniture (or a photo placeholder).
"""
from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass

from archivist.split import patterns as pt
from archivist.split.lines import parse_units

BLANK = "blank"  # a line with no text (the corpus's name for it; not a model label)
_SCALAR_ROLES = ("kicker", "headline", "subtitle")


def key(text: str) -> str:
    """Letters and digits of the text, width-folded and lower-cased: what matching compares."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text or "").lower() if ch.isalnum())


def line_sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class _Element:
    article: int
    role: str      # the label its lines get
    key: str
    dateline: str = ""  # for an article's first paragraph: the dateline key it opens with

    def __post_init__(self) -> None:
        self.pairs = {self.key[i:i + 2] for i in range(len(self.key) - 1)}


def _as_first_split(article: dict) -> dict:
    """The article with the cleaner's fixes reverted (closer to the raw lines); as it is
    when they cannot be."""
    if not article.get("fixes"):
        return article
    from archivist.split.edit_ops import before_cleaning  # noqa: PLC0415

    try:
        return before_cleaning(article)
    except Exception:  # noqa: BLE001 - a hand-edited article whose fixes no longer fit
        return article


def _elements(articles: list[dict]) -> list[_Element]:
    out: list[_Element] = []
    for n, raw in enumerate(articles):
        a = _as_first_split(raw)
        for role in _SCALAR_ROLES:
            if a.get(role):
                out.append(_Element(n, role, key(a[role])))
        out += [_Element(n, "deck", key(t)) for t in a.get("deck") or []]
        names = [key(x) for x in a.get("byline") or [] if key(x)]
        # A printed byline line counts while it still names someone of the byline: the
        # article editor changes names only, and a stale line would claim another's byline.
        printed = [key(t) for t in a.get("credit") or [] if any(x in key(t) for x in names)]
        out += [_Element(n, "byline", k) for k in printed + (["".join(names)] if names else [])]
        dateline = key(a.get("dateline") or "")
        first = True
        for b in a.get("blocks") or []:
            kind = "subhead" if b.get("kind") == "subhead" else "body"
            el = _Element(n, kind, key(b.get("text", "")))
            if kind == "body" and first:
                first = False
                if dateline and el.key.startswith(dateline):
                    el.dateline = dateline
            out.append(el)
        out += [_Element(n, "caption", key(t)) for t in a.get("captions") or []]
    return [e for e in out if e.key]


def _score(k: str, pairs: set[str], el: _Element) -> float:
    if k == el.key:
        return 4.0
    if k in el.key and (len(k) >= 4 or len(el.key) <= 2 * len(k)):
        return 3.0  # a line of a wrapped paragraph, half of a two-line headline
    if len(el.key) >= 2 and el.key in k:
        return 2.0  # names in their printed byline line; a paragraph a person shortened
    if pairs and el.pairs:
        dice = 2 * len(pairs & el.pairs) / (len(pairs) + len(el.pairs))
        if dice >= 0.6:
            return 1.0 + dice  # retyped by hand
    return 0.0


def line_labels(text: str, articles: list[dict]) -> list[str]:
    """One label per line of `text` (split on "\\n"): BLANK for an empty line."""
    raw = text.split("\n")
    labels = [BLANK] * len(raw)
    elements = _elements(articles)
    cursor = 0
    last_el: int | None = None
    last_article: int | None = None
    for u in parse_units(text, starts_unit=pt.dateline_of, join=False):
        k = key(u.text)
        pairs = {k[i:i + 2] for i in range(len(k) - 1)}
        best, best_rank = None, None
        for j, el in enumerate(elements):
            s = _score(k, pairs, el) if k else 0.0
            if el.role == "byline":
                s = min(s, 2.0)  # names recur on a page: which article's is told by place
            if s <= 0:
                continue
            # Ties go to the article of the line before (a byline printed after its text),
            # then to the element reading on from the last one matched (page order).
            rank = (s, el.article == last_article, -((j - cursor) % max(len(elements), 1)))
            if best_rank is None or rank > best_rank:
                best, best_rank = j, rank
        if best is None:
            labels[u.line] = "placeholder" if pt.is_placeholder(u.text) else "furniture"
            continue
        el = elements[best]
        if el.role == "body" and best == last_el and not u.blank_before:
            label = "cont"
        elif el.role == "body" and el.dateline and best != last_el and k.startswith(el.dateline[:4]):
            label = "dateline"
        else:
            label = el.role
        if el.article != last_article and label != "cont":
            label = "^" + label
        labels[u.line] = label
        cursor, last_el, last_article = best, best, el.article
    return labels

