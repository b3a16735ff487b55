"""Evidence about each line of a page, for the line model (archivist.split.labeller).

What split.patterns knows enters here as yes/no flags, never as decisions; the model
fitted on labelled pages (tools/train_lines.py) weighs them together with layout
(indentation, blank lines, markdown level, bold), length against the page's median and
the same facts of the neighbouring lines.
"""
from __future__ import annotations

import dataclasses
import re
import statistics

from archivist.split import patterns as pt
from archivist.split.classify import kind_of, line_facts
from archivist.split.lexicon import hits as furniture_hits
from archivist.split.lines import WRAP_STOPS, Unit
from archivist.text.script import has_traditional, to_simplified

# Evidence words: box labels, lead-in verbs, photo credits (features only).
_BOX_WORDS = re.compile(r"^[【\[（(]?(核心阅读|编者按|编者的话|开栏的话|阅读提示|短评|延伸阅读|相关链接|"
                        r"链接|背景|记者手记|专家点评|数据|小贴士|新闻链接|评论员观察|人民时评)[】\]）)]?[：:]?")
_LEAD_IN = re.compile(r"(强调|指出|表示|时说|要求|提出|会见|致信|致电|出席|主持)$")
# A photo credit ends in 摄/供图…, maybe with the agency after it: "王 正摄（人民视觉）".
PHOTO_CREDIT = re.compile(r"(摄|摄影|供图|图片|资料图片|制图|绘)[）)]?(?:[（(][^（）()]{1,10}[）)])?$")
_PAREN_ALL = re.compile(r"^[（(].*[）)]$")
_END_SENTENCE = tuple("。！？!?…；;")
# Ornaments that open a brief or frame a caption on many papers (◘ 1930s tabloids, ■ ● ▲ today).
ORNAMENTS = tuple("◘■□●○◆◇▲△▼★☆※◎")
_HAN = re.compile(f"[{pt.HAN}]")
# A line that is only a date (and weekday): folios and mastheads, in any era's numerals.
_NUM = "0-9０-９〇零一二三四五六七八九十廿卅百"
_DATE_ONLY = re.compile(rf"^(?:第[{_NUM}]+版\s*)?(?:[庚辛壬癸甲乙丙丁戊己][子丑寅卯辰巳午未申酉戌亥]|"
                        rf"(?:民國|民国|中華民國|公元|西曆|西历)?[{_NUM}]+)年[{_NUM}閏闰正]+月[{_NUM}初]+[日號号]?\s*(?:星期|礼拜|禮拜|周)?[一二三四五六日天]?$")
_LATIN_ONLY = re.compile(r"^[A-Za-z0-9 .,'&\-\u3000]+$")


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
    # The first 80 characters tell a repeated or near-repeated line as well as 200 did.
    return {text[i:i + 2] for i in range(min(len(text), 80) - 1)}


_KEY_DROP = re.compile("[ \u3000\t#*•·.,，。:：;；!！?？、（）()【】\\[\\]「」『』“”\"']")


def _recurrence(units: list[Unit]) -> list[str]:
    """How often each line recurs elsewhere on the page (spaces, punctuation and
    markup ignored): mastheads, advert slots and page furniture recur; titles do not."""
    keys = [_KEY_DROP.sub("", u.text) for u in units]
    counts: dict[str, int] = {}
    for k in keys:
        counts[k] = counts.get(k, 0) + 1
    return ["none" if len(k) < 2 else str(min(counts[k] - 1, 2)) for k in keys]


def _similar(a: set[str], b: set[str]) -> str:
    if not a or not b:
        return "none"
    j = len(a & b) / min(len(a), len(b))
    return "high" if j >= 0.5 else "mid" if j >= 0.2 else "low"


def own(u: Unit, median: float) -> dict[str, float | str]:
    """The facts of one line by itself."""
    t = u.text
    n = len(t)
    facts = line_facts(t)
    f: dict[str, float | str] = {
        "kind": kind_of(u, facts),
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
        "date_only": float(bool(_DATE_ONLY.match(t.replace(" ", "").replace("\u3000", "")))),
        "latin_only": float(bool(_LATIN_ONLY.match(t))),
        "ornament": "both" if t.startswith(ORNAMENTS) and t.endswith(ORNAMENTS) and n > 1
        else "open" if t.startswith(ORNAMENTS) else "no",
        "box": float(bool(_BOX_WORDS.match(t))),
        "lead_in": float(bool(_LEAD_IN.search(t))),
        "photo": float(bool(PHOTO_CREDIT.search(t)) and n <= 40),
        "furniture": float(facts["furniture"]),
        "placeholder": float(facts["placeholder"]),
        "byline": float(facts["byline"]),
        "penname": float(facts["penname"]),
        "dateline": float(facts["dateline"]),
        "caption": float(facts["caption"]),
        "kicker_line": float(pt.is_kicker_line(t)),
        "subtitle_line": float(pt.is_subtitle_line(t)),
        "noise": float(pt.is_title_noise(t)),
        "heading_like": float(facts["heading_like"]),
        "lex": str(min(furniture_hits(t), 3)),
    }
    return f


_NEIGHBOUR_KEYS = ("kind", "len", "indent", "blank_before", "blank_after", "level", "ends_sentence",
                   "last", "first", "byline", "dateline", "caption", "box", "rel",
                   "penname", "paren", "ornament", "furniture", "heading_like", "date_only", "latin_only",
                   "lvrank", "rep", "lex", "ind_rel")


def _wrap_evidence(units: list[Unit]) -> list[list[str]]:
    """Whether a line continues the one before it (a hard-wrapped paragraph, a column of
    vertical type): how full the line before is against the longest line of its region,
    and how that line ends. The old joining rule enters as one flag among them."""
    longest: list[int] = []
    start = 0
    for i in range(1, len(units) + 1):
        if i == len(units) or units[i].blank_before:
            m = max(len(u.text) for u in units[start:i])
            longest += [m] * (i - start)
            start = i
    out = []
    for i, u in enumerate(units):
        if i == 0 or u.blank_before:
            out.append(["region_start"])
            continue
        prev = units[i - 1]
        fill = len(prev.text) / max(longest[i], 1)
        plain = not (u.level or u.bullet or u.bold or u.image or prev.level or prev.bullet or prev.bold)
        rule = plain and not prev.hard_break and longest[i] >= 12 and fill >= 0.8 \
            and not prev.text.endswith(WRAP_STOPS) and not pt.dateline_of(u.text)
        ratio = len(u.text) / max(len(prev.text), 1)
        width = "same" if 0.85 <= ratio <= 1.15 else "shorter" if ratio < 0.85 else "longer"
        out.append(["in_region", f"width={width}", f"width_end={width}|{_char_class(prev.text[-1:])}",
                    f"prev_fill={_relative(len(prev.text), longest[i])}",
                    f"prev_end={_char_class(prev.text[-1:])}", f"this_fill={_relative(len(u.text), longest[i])}",
                    "rule_wrap" if rule else "", "prev_break" if prev.hard_break else "",
                    "plain" if plain else "marked"])
    return out


def _heading_context(units: list[Unit]) -> list[str]:
    """A marked heading's level against the marked line before it, and whether text came
    between: "##" straight under "#" is a subtitle's place, "##" after text a subhead's,
    on a markdown dump and on an OCR'd scan alike (its "#"/"##" say type size)."""
    out = []
    prev_level, text_since = 0, False
    for u in units:
        if not u.level:
            out.append("")
            text_since = text_since or len(u.text) >= 20
            continue
        if not prev_level:
            out.append("md_prev=first")
        else:
            rel = "deeper" if u.level > prev_level else "same" if u.level == prev_level else "higher"
            out.append(f"md_prev={rel}|{'text' if text_since else 'direct'}")
        prev_level, text_since = u.level, False
    return out


def _dateline_again(base: list[dict]) -> list[bool]:
    """A dateline paragraph when another came since the last title-like line: an article
    has one, so the second opens another article (or a part printed apart)."""
    out, seen = [], False
    for f in base:
        if f["kind"] == "heading":
            seen = False
        out.append(bool(f["dateline"]) and seen)
        seen = seen or bool(f["dateline"])
    return out


def _body_indented(units: list[Unit]) -> bool:
    """Whether most of the page's long lines (30 characters or more: body text) are indented."""
    long = [bool(u.indent) for u in units if len(u.text) >= 30]
    return bool(long) and sum(long) * 2 > len(long)


def simplified(units: list[Unit]) -> list[Unit]:
    """The units as the patterns read them: a Traditional page folded to Simplified
    characters (攝 → 摄, 記者 → 记者), copies only where a line changes."""
    if not has_traditional("".join(u.text for u in units)):
        return units
    out = []
    for u in units:
        t = to_simplified(u.text)
        out.append(u if t == u.text else dataclasses.replace(u, text=t))
    return out


def _region_hits(base: list[dict], units: list[Unit]) -> list[str]:
    """Furniture words of the whole region (lines between blank lines) each line is in:
    a rate card's title line says little, the block under it says more."""
    out: list[str] = []
    start = 0
    for i in range(1, len(units) + 1):
        if i == len(units) or units[i].blank_before:
            total = sum(int(f["lex"]) for f in base[start:i])
            out += [str(min(total, 6) // 2)] * (i - start)
            start = i
    return out


def _signed_off(base: list[dict], units: list[Unit]) -> list[bool]:
    """The line above is a byline that closed text (text of 30 characters or more came
    since the last title-like line): what follows it may open the next article."""
    out, text_since = [], False
    for i, (f, u) in enumerate(zip(base, units)):
        prev = base[i - 1] if i else None
        out.append(bool(prev and (prev["byline"] or prev["penname"]) and text_since))
        if f["kind"] == "heading":
            text_since = False
        elif len(u.text) >= 30:
            text_since = True
    return out


def page_features(units: list[Unit]) -> list[dict]:
    """crfsuite items, one per line: {"name=value": 1.0, …, "-1": [the line above's
    items]} (crfsuite names a nested item "-1:name=value")."""
    if not units:
        return []
    units = simplified(units)
    median = statistics.median(len(u.text) for u in units) or 1.0
    base = [own(u, median) for u in units]
    grams = [_bigrams(u.text) for u in units]
    wraps = _wrap_evidence(units)
    headings = _heading_context(units)
    # Markdown depth against the page's top heading level: "##" is a headline on one
    # page and a subhead on a page whose headlines are "#".
    levels = sorted({u.level for u in units if u.level})
    # Indentation against the page's own habit: where body paragraphs are indented, an
    # indented short line is inside an article (a part heading) and a flush one a title;
    # where nothing is indented, indentation says nothing.
    body_indented = _body_indented(units)
    signed = _signed_off(base, units)
    regions = _region_hits(base, units)
    # How much of the page is furniture-worded: a masthead or advert fold is mostly so.
    share = sum(f["lex"] != "0" for f in base) / len(base)
    page_lex = "high" if share > 0.5 else "mid" if share > 0.25 else "low" if share > 0.1 else "none"
    for f, u, rep, again, off, region in zip(base, units, _recurrence(units), _dateline_again(base), signed, regions):
        f["signed_off"] = float(off)
        f["rlex"] = region
        f["page_lex"] = f"{page_lex}|{f['kind']}"
        f["lvrank"] = str(levels.index(u.level)) if u.level else "none"
        f["ind_rel"] = ("as_body" if u.indent else "flush") if body_indented else ("in" if u.indent else "flat")
        f["rep"] = rep
        f["dateline_again"] = float(again)
    # Each line's own items and its items as a neighbour are made once ("k=v" strings,
    # prefixed by the offset), not once per line that looks at it.
    mine = [_items(f, f) for f in base]
    seen = [_items(f, _NEIGHBOUR_KEYS) for f in base]
    out: list[dict] = []
    last = len(base) - 1
    for i, f in enumerate(base):
        # crfsuite prefixes a nested list's items itself ("-1" + ":" + "kind=heading"), in
        # C: the neighbours' lists are shared, not copied into strings once per line.
        item: dict = dict.fromkeys(("bias", *mine[i], *(x for x in wraps[i] if x)), 1.0)
        if headings[i]:
            item[headings[i]] = 1.0
        for off, key in ((-2, "-2"), (-1, "-1"), (1, "1"), (2, "2")):
            j = i + off
            item[key] = seen[j] if 0 <= j <= last else _EDGE
        item["sim-1=" + (_similar(grams[i], grams[i - 1]) if i else "none")] = 1.0
        item["sim+1=" + (_similar(grams[i], grams[i + 1]) if i < last else "none")] = 1.0
        item[f"pair={f['kind']}|{base[i - 1]['kind'] if i else 'edge'}"] = 1.0
        item[f"lay={f['indent']}|{f['blank_before']}|{f['len']}"] = 1.0
        # A short line over a credit line ("（name）", "记者 name") and then text is a title.
        nxt = base[i + 1] if i < last else None
        if nxt is not None and (nxt["penname"] or nxt["byline"]):
            item[f"over_credit={f['kind']}|{f['len']}"] = 1.0
        out.append(item)
    return out


_EDGE = ["edge"]


def _items(f: dict[str, float | str], keys) -> list[str]:
    """'name=value' for a value, 'name' for a set flag, nothing for an unset one."""
    out = []
    for k in keys:
        v = f[k]
        if v.__class__ is str:
            out.append(f"{k}={v}")
        elif v:
            out.append(k)
    return out
