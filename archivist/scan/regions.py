"""Where an article's text stands on the scan: block text → OCR line boxes.

The splitter and the cleaning steps work on text only, so the way back to the page is by
matching text: each OCR line is found in the block whose (normalised) text holds it.
Cleaning changes punctuation and spacing, so only letters, digits and Han characters
are compared, after NFKC.
"""
from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

_KEEP = re.compile(r"[^\w]|_", re.UNICODE)
MIN_KEY = 2  # a line of one character ("。", a page number) could match anywhere


def _key(text: str) -> str:
    return _KEEP.sub("", unicodedata.normalize("NFKC", text or "")).lower()


def _region(rec: dict) -> dict:
    return {"page": rec["page"], "bbox": list(rec["bbox"]), "size": list(rec.get("size") or [])}


def regions_for_texts(texts: list[str], layout) -> list[list[dict]]:
    """For each text, the layout records (page, bbox, size) of the lines it holds.

    Lines are taken in reading order and each goes to one text at most: the first, from
    the text the previous line went to onwards, that holds it exactly; failing that
    (OCR text later cleaned or corrected by hand), the text it matches best at ≥ 85%.
    """
    keys = [_key(t) for t in texts]
    out: list[list[dict]] = [[] for _ in texts]
    cursor = 0
    for rec in layout:
        k = _key(rec.get("text", ""))
        if len(k) < MIN_KEY or not keys:
            continue
        order = list(range(cursor, len(keys))) + list(range(cursor))
        hit = next((i for i in order if k in keys[i]), None)
        if hit is None and len(k) >= 4:
            scores = [fuzz.partial_ratio(k, t) if t else 0.0 for t in keys]
            best = max(range(len(keys)), key=scores.__getitem__)
            hit = best if scores[best] >= 85 else None
        if hit is not None:
            out[hit].append(_region(rec))
            cursor = hit
    return out


def regions_for_blocks(article: dict, layout) -> list[list[dict]]:
    """For each block of an archivist.split/1 article dict, the line boxes it came from."""
    return regions_for_texts([b.get("text", "") for b in article.get("blocks") or []], layout)


def regions_for_article(article: dict, layout) -> dict:
    """Boxes for the headline, each block and each caption, for the review view."""
    heads = [article.get(k) or "" for k in ("kicker", "headline", "subtitle")]
    blocks = [b.get("text", "") for b in article.get("blocks") or []]
    caps = list(article.get("captions") or [])
    found = regions_for_texts(heads + blocks + caps, layout)
    return {"kicker": found[0], "headline": found[1], "subtitle": found[2],
            "blocks": found[3:3 + len(blocks)], "captions": found[3 + len(blocks):]}
