"""An article as rich text laid out the way a newspaper reader expects it: kicker small
above the headline, headline large, subtitle under it, deck boxed, byline and dateline,
body paragraphs with subheads, captions set apart.

Marks (search hits, fixes) are spans per text element, keyed by (field, index) as the
fixes address them: ("headline", None), ("deck", 2), ("blocks", 5), ("captions", 0).
"""
from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from archivist.fonts import CJK_FAMILY

# One colour per rule family, so a reviewer sees at a glance what kind of fix it was.
FAMILY_COLOURS = {
    "dedupe": "#f8c8c8",
    "rejoin": "#c8dcff",
    "artifact": "#ffe0a8",
    "punct": "#cdeccd",
    "names": "#e4cff8",
}
OTHER_COLOUR = "#e0e0e0"
SEARCH_COLOUR = "#ffef5a"
SELECTED_COLOUR = "#ff9f1c"
BOX_COLOUR = "#f4f1e8"

LABELS = {"kicker": "引题", "headline": "主题", "subtitle": "副题", "deck": "提要", "byline": "署名",
          "dateline": "电头", "paragraph": "正文", "subhead": "小标题", "caption": "图片说明"}


def family(rule: str) -> str:
    return (rule or "").split(".", 1)[0]


def family_colour(rule: str) -> str:
    return FAMILY_COLOURS.get(family(rule), OTHER_COLOUR)


@dataclass
class Mark:
    start: int
    end: int              # == start: a point (a join, a removed paragraph's place)
    colour: str
    title: str = ""
    anchor: str = ""      # for scrollToAnchor
    struck: bool = False  # a removed paragraph, shown struck through
    sign: str = "¶"       # what a point mark shows: ¶ a join, ✂ text taken out


def marked(text: str, marks: list[Mark]) -> str:
    """Escaped HTML of `text` with each mark's span coloured. Overlaps: the later mark wins
    the overlapping part. Point marks become a small ¶ sign where they stand."""
    text = text or ""
    points: dict[int, list[Mark]] = {}
    spans = []
    for m in marks:
        s, e = max(0, min(m.start, len(text))), max(0, min(m.end, len(text)))
        if e <= s:
            points.setdefault(s, []).append(m)
        else:
            spans.append((s, e, m))
    cuts = sorted({0, len(text), *points, *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out = []
    for a, b in zip(cuts, cuts[1:] + [None]):
        for m in points.get(a, []):
            out.append(_wrap(m.sign, m, point=True))
        if b is None:
            break
        piece = text[a:b]
        cover = [m for s, e, m in spans if s <= a and b <= e]
        out.append(_wrap(piece, cover[-1]) if cover else html.escape(piece))
    return "".join(out)


def _wrap(piece: str, m: Mark, point: bool = False) -> str:
    style = f"background-color:{m.colour};"
    if m.struck:
        style += "text-decoration:line-through;"
    if point:
        style += "color:#555;font-weight:bold;"
    title = f' title="{html.escape(m.title, quote=True)}"' if m.title else ""
    anchor = f'<a name="{m.anchor}"></a>' if m.anchor else ""
    return f'{anchor}<span style="{style}"{title}>{html.escape(piece)}</span>'


def article_html(article: dict, marks: dict | None = None, gap_marks: dict | None = None,
                 show_empty_headline: bool = True) -> str:
    """The whole article as HTML. gap_marks: {block index: [Mark]} for removed paragraphs,
    shown as a thin line before block index."""
    marks = marks or {}
    gap_marks = gap_marks or {}

    def t(where, idx=None):
        value = article.get(where) if idx is None else (article.get(where) or [])[idx]
        if where == "blocks":
            value = value.get("text", "")
        return marked(value or "", marks.get((where, idx), []))

    # The system's full Noto where it is installed, else the app's own subset (archivist.fonts).
    out = [f'<html><body style="font-family:\'Noto Serif CJK SC\',\'Noto Sans CJK SC\',\'{CJK_FAMILY}\',serif;">']
    if article.get("kicker"):
        out.append(f'<p style="font-size:11pt;color:#444;margin-bottom:2px">{t("kicker")}</p>')
    if article.get("headline"):
        out.append(f'<h1 style="font-size:22pt;font-weight:bold;margin-top:0;margin-bottom:4px">{t("headline")}</h1>')
    elif show_empty_headline:
        untitled = html.escape(QCoreApplication.translate("render", "(untitled)"))
        out.append(f'<h1 style="font-size:18pt;color:#999;margin-bottom:4px">{untitled}</h1>')
    if article.get("subtitle"):
        out.append(f'<p style="font-size:14pt;color:#333;margin-top:0">{t("subtitle")}</p>')
    if article.get("deck"):
        items = "".join(f'<p style="margin:2px;font-size:11pt">{t("deck", i)}</p>' for i in range(len(article["deck"])))
        out.append(f'<table width="100%" cellpadding="8" style="background-color:{BOX_COLOUR};'
                   f'border-style:solid;border-color:#b8b0a0" border="1"><tr><td>{items}</td></tr></table>')
    credit = "　".join(article.get("credit") or article.get("byline") or [])
    if credit:
        out.append(f'<p style="color:#555;font-size:10pt">{html.escape(credit)}</p>')
    blocks = article.get("blocks") or []
    dateline = article.get("dateline")
    if dateline and not (blocks and (blocks[0].get("text") or "").startswith(dateline)):
        out.append(f'<p style="font-size:12pt"><b>{html.escape(dateline)}</b></p>')
    for i, block in enumerate(blocks):
        out.extend(_gap(gap_marks.get(i, [])))
        if block.get("kind") == "subhead":
            out.append(f'<h3 style="font-size:14pt;font-weight:bold;margin-top:12px">{t("blocks", i)}</h3>')
        else:
            out.append(f'<p style="font-size:12pt;line-height:150%;margin-top:6px">{t("blocks", i)}</p>')
    out.extend(_gap(gap_marks.get(len(blocks), [])))
    for i in range(len(article.get("captions") or [])):
        out.append(f'<table width="100%" cellpadding="4"><tr><td style="color:#444;font-size:10pt;'
                   f'background-color:#f2f2f2"><i>图片说明　</i>{t("captions", i)}</td></tr></table>')
    out.append("</body></html>")
    return "\n".join(out)


def _gap(marks: list[Mark]) -> list[str]:
    # A removed paragraph: its text is kept in the fix, shown here as a struck line.
    return [f'<p style="font-size:10pt;margin-top:4px">{_wrap(m.title or "（已删除段落）", m)}</p>'
            for m in marks]


def fix_marks(article: dict, selected: int | None = None, raw: bool = False) -> tuple[dict, dict]:
    """(marks, gap_marks) showing every fix of `article` where it stands. In the cleaned
    text a reverted fix is grey; in the raw text (every fix reverted) all have colour."""
    marks: dict = {}
    gaps: dict = {}
    for k, f in enumerate(article.get("fixes") or []):
        colour = SELECTED_COLOUR if k == selected else (
            OTHER_COLOUR if f.get("reverted") and not raw else family_colour(f.get("rule", "")))
        title = fix_summary(f)
        key = (f.get("field", "blocks"), f.get("block"))
        start = f.get("start") or 0
        action, reverted = f.get("action"), f.get("reverted")
        if action == "remove" and not reverted:
            gaps.setdefault(f.get("block") or 0, []).append(
                Mark(0, 0, colour, "删除：" + (f.get("before") or ""), f"fix{k}", struck=True))
            continue
        if action == "remove":
            text = (article.get("blocks") or [])[f["block"]].get("text", "") if f.get("block") is not None \
                and f["block"] < len(article.get("blocks") or []) else ""
            mark = Mark(0, len(text), colour, title, f"fix{k}")
        elif action == "join":
            mark = Mark(start, start, colour, title, f"fix{k}")
        else:
            length = len((f.get("before") if reverted else f.get("after")) or "")
            mark = Mark(start, start + length, colour, title, f"fix{k}", sign="✂")
        marks.setdefault(key, []).append(mark)
    return marks, gaps


def fix_summary(f: dict) -> str:
    before = (f.get("before") or "").replace("\n\n", "¶")
    after = (f.get("after") or "").replace("\n\n", "¶")
    state = "（已撤销）" if f.get("reverted") else ""
    return f"{f.get('rule', '')}: 「{before}」→「{after}」 {f.get('reason', '')}{state}"
