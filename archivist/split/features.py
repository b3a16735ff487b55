"""Evidence about each line of a page, for the line model (archivist.split.labeller).

What split.patterns knows enters here as yes/no flags, never as decisions; the model
fitted on labelled pages (tools/train_lines.py) weighs them together with layout
(indentation, blank lines, markdown level, bold), length against the page's median and
the same facts of the neighbouring lines.
"""
from __future__ import annotations

import re
import statistics

from archivist.split import patterns as pt
from archivist.split.classify import kind_of
from archivist.split.lines import Unit

# Evidence words: box labels, lead-in verbs, photo credits (features only).
_BOX_WORDS = re.compile(r"^[【\[（(]?(核心阅读|编者按|编者的话|开栏的话|阅读提示|短评|延伸阅读|相关链接|"
                        r"链接|背景|记者手记|专家点评|数据|小贴士|新闻链接|评论员观察|人民时评)[】\]）)]?[：:]?")
_LEAD_IN = re.compile(r"(强调|指出|表示|时说|要求|提出|会见|致信|致电|出席|主持)$")
_PHOTO = re.compile(r"(摄|摄影|供图|图片|资料图片|制图|绘)[）)]?$")
_PAREN_ALL = re.compile(r"^[（(].*[）)]$")
_END_SENTENCE = tuple("。！？!?…；;")
# Ornaments that open a brief or frame a caption on many papers (◘ 1930s tabloids, ■ ● ▲ today).
_ORNAMENT = tuple("◘■□●○◆◇▲△▼★☆※◎")
_HAN = re.compile(f"[{pt.HAN}]")


def _char_class(c: str) -> str:
    if not c:
        return "none"
    if _HAN.match(c):
        return "han"
    if c.isdigit():
        return "digit"
    if c.isascii() and c.isalpha():
        return "latin"
    return c  # punctuation speaks for itself: ——, （, 。, ■


def _length_bucket(n: int) -> str:
    for cut in (2, 4, 6, 9, 13, 18, 25, 35, 50, 80, 150):
        if n <= cut:
            return str(cut)
    return "long"


def _relative(n: int, median: float) -> str:
    r = n / median if median else 1.0
    for cut in (0.15, 0.3, 0.5, 0.8, 1.2, 2.0):
        if r <= cut:
            return str(cut)
    return "more"


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(min(len(text), 200) - 1)}


def _similar(a: set[str], b: set[str]) -> str:
    if not a or not b:
        return "none"
    j = len(a & b) / min(len(a), len(b))
    return "high" if j >= 0.5 else "mid" if j >= 0.2 else "low"


def own(u: Unit, median: float) -> dict[str, float | str]:
    """The facts of one line by itself."""
    t = u.text
    n = len(t)
    f: dict[str, float | str] = {
        "kind": kind_of(u),
        "len": _length_bucket(n),
        "rel": _relative(n, median),
        "first": _char_class(t[:1]),
        "last": _char_class(t[-1:]),
        "first2": t[:2] if not _HAN.match(t[:1] or " ") else "han",
        "indent": "0" if not u.indent else "2" if u.indent <= 2 else "more",
        "blank_before": float(u.blank_before),
        "blank_after": float(u.blank_after),
        "level": str(u.level),
        "bold": float(u.bold),
        "bullet": float(u.bullet),
        "image": float(u.image),
        "ends_sentence": float(t.endswith(_END_SENTENCE)),
        "commas": _length_bucket(t.count("，") + t.count("、") + t.count(",")),
        "stops": _length_bucket(t.count("。")),
        "spaces": float(" " in t or "\u3000" in t),
        "paren": float(bool(_PAREN_ALL.match(t))),
        "dash": float(t.startswith(("——", "--", "—"))),
        "ornament": "both" if t.startswith(_ORNAMENT) and t.endswith(_ORNAMENT) and n > 1
        else "open" if t.startswith(_ORNAMENT) else "no",
        "box": float(bool(_BOX_WORDS.match(t))),
        "lead_in": float(bool(_LEAD_IN.search(t))),
        "photo": float(bool(_PHOTO.search(t)) and n <= 40),
        "furniture": float(pt.is_furniture(t)),
        "placeholder": float(pt.is_placeholder(t)),
        "byline": float(pt.is_byline(t)),
        "penname": float(pt.is_pen_name(t)),
        "dateline": float(bool(pt.dateline_of(t))),
        "caption": float(pt.is_caption(t)),
        "kicker_line": float(pt.is_kicker_line(t)),
        "subtitle_line": float(pt.is_subtitle_line(t)),
        "noise": float(pt.is_title_noise(t)),
        "heading_like": float(pt.looks_like_heading(t)),
    }
    return f


_NEIGHBOUR_KEYS = ("kind", "len", "indent", "blank_before", "blank_after", "level", "ends_sentence",
                   "last", "first", "byline", "dateline", "caption", "box", "rel",
                   "penname", "paren", "ornament", "furniture", "heading_like")


def page_features(units: list[Unit]) -> list[list[str]]:
    """crfsuite items: one list of 'name=value' (or 'name:weight') strings per line."""
    if not units:
        return []
    median = statistics.median(len(u.text) for u in units) or 1.0
    base = [own(u, median) for u in units]
    grams = [_bigrams(u.text) for u in units]
    out: list[list[str]] = []
    for i, f in enumerate(base):
        items = ["bias"] + [_item(k, v) for k, v in f.items()]
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < len(base):
                items += [_item(f"{off}:{k}", base[j][k]) for k in _NEIGHBOUR_KEYS]
            else:
                items.append(f"{off}:edge")
        items.append("sim-1=" + (_similar(grams[i], grams[i - 1]) if i else "none"))
        items.append("sim+1=" + (_similar(grams[i], grams[i + 1]) if i + 1 < len(grams) else "none"))
        items.append(f"pair={f['kind']}|{base[i - 1]['kind'] if i else 'edge'}")
        items.append(f"lay={f['indent']}|{f['blank_before']}|{f['len']}")
        # A short line over a credit line ("（name）", "记者 name") and then text is a title.
        nxt = base[i + 1] if i + 1 < len(base) else None
        if nxt is not None and (nxt["penname"] or nxt["byline"]):
            items.append(f"over_credit={f['kind']}|{f['len']}")
        out.append([x for x in items if x])
    return out


def _item(name: str, value: float | str) -> str:
    if isinstance(value, float):
        return name if value else ""
    return f"{name}={value}"
