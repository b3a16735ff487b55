"""The line model's labelled pages, composed by code from ../shared/corpus and the seeds.

Each page is (source name, text, one label per text line). Labels: furniture, placeholder,
kicker, headline, subtitle, deck, boxlabel, subhead, byline, credit, dateline, body,
caption; a leading "^" marks the line that begins an article. Every page is also rendered
in other dump styles (markdown, no indentation, no blank lines, hard-wrapped, with furniture
and credit lines inserted, captions between paragraph halves, Traditional script) so the
model does not learn one crawler's habits. Deterministic: the same corpus gives the same
pages. Never reads ../shared/eval/sets.
"""
from __future__ import annotations

import json
import random
from pathlib import Path

from archivist.split import patterns as pt
from archivist.split.assemble import assemble
from archivist.split.classify import classify
from archivist.split.features import _BOX_WORDS, PHOTO_CREDIT
from archivist.split.group import group
from archivist.split.lines import parse_units
from page_styles import (Article, Line, briefs, closing_bylines, furniture_line, jumps, person_name, stripped,
                         web_page)

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SEEDS = ROOT.parent / "shared" / "samples"


def _paragraph_label(text: str, first: bool) -> str:
    t = stripped(text)
    if pt.is_placeholder(t):
        return "placeholder"
    if first and pt.dateline_of(t):
        return "dateline"
    if len(t) <= 14 and _BOX_WORDS.match(t):
        return "boxlabel"
    if len(t) <= 30 and PHOTO_CREDIT.search(t) and not t.endswith("。"):
        return "credit"
    if len(t) <= 40 and pt.is_byline(t):
        return "byline"
    if pt.is_furniture(t):
        return "furniture"
    # A People's Daily body paragraph always ends in punctuation; a line that does not is a
    # subhead (some run to 40 characters).
    if len(t) <= 40 and not t.endswith(tuple("。！？；：，…”）)")) and not first:
        return "subhead"
    return "body"


def rmrb_articles(limit_days: int | None = None) -> list[tuple[str, list[Article]]]:
    """People's Daily pages: (page id, articles), each article's lines labelled from the
    crawler's file layout (kicker, headline, subtitle, then paragraphs)."""
    pages: dict[str, list[Article]] = {}
    days = sorted(p for p in (CORPUS / "rmrb-2020-train").iterdir() if p.is_dir())
    for day in days[:limit_days]:
        for f in sorted(day.glob("*.txt")):
            lines = f.read_text(encoding="utf-8-sig").replace("\r", "").split("\n")
            lines += [""] * (3 - len(lines))
            art: Article = [(lines[0], "kicker"), (lines[1], "headline"), (lines[2], "subtitle")]
            paras = [x for x in lines[3:] if x.strip()]
            art += [(p, _paragraph_label(p, k == 0)) for k, p in enumerate(paras)]
            pages.setdefault(f.name[:11], []).append(art)
    return sorted(pages.items())


def jingbao_pages() -> list[tuple[str, list[Article]]]:
    """晶報 1920 folds: regions in reading order; furniture outside articles."""
    out = []
    for f in sorted((CORPUS / "ecpo-jingbao" / "truth").glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        arts: list[Article] = []
        last = object()
        for r in d["regions"]:
            lines = r["lines"]
            if r["art"] is None:
                arts.append([(x, "furniture") for x in lines] + [("", "blank")])
                last = None
                continue
            if r["art"] != last:
                arts.append([])
                last, seen_body = r["art"], False
            art = arts[-1]
            t = stripped(lines[0]) if lines else ""
            one = len(lines) == 1 and len(t) <= 25
            if "image" in r["ctx"]:
                label = "caption"
            elif not art and one:
                label = "headline"
            elif one and pt.is_pen_name(t):
                label = "byline"   # after the text too: a pen name closing the article
            elif not seen_body and one:
                # （十）: a serial's part number under its title, not a name
                label = "subtitle" if pt.is_title_noise(t) else "byline" if len(t) <= 6 else "deck"
            elif one and len(lines[0]) <= 12 and not lines[0].endswith(tuple("、。")):
                label = "subhead"
            else:
                label, seen_body = "body", True
            # The region's later lines continue its first (a column of vertical type).
            art += [(x, label if k == 0 else "cont") for k, x in enumerate(lines)] + [("", "blank")]
        out.append((f.stem, [a for a in arts if a]))
    return out


def _title_role(text: str, a) -> str:
    """A title line's role in the rule splitter's article; a piece of a headline printed
    over two lines is a headline too."""
    for role in ("headline", "kicker", "subtitle"):
        value = getattr(a, role)
        if value and (text == value or (role == "headline" and len(text) >= 2 and text in value)):
            return role
    return "deck"


def seed_pages() -> list[tuple[str, list[Article]]]:
    """The three seed pages, labelled from the rule splitter's output there (it scores
    1.000 on them: the labels are checked against their gold)."""
    out = []
    for path in sorted(SEEDS.glob("*.txt")) + sorted(SEEDS.glob("*.md")):
        text = path.read_text(encoding="utf-8-sig")
        units = classify(parse_units(text, starts_unit=pt.dateline_of))
        _furniture, drafts = group(units)
        label = {id(u): u.kind for u in units}  # furniture and placeholders keep their kind
        begins = set()
        for d in drafts:
            a = assemble(d)
            for u in d.heads:
                label[id(u)] = _title_role(u.text, a)
            for u in d.deck:
                label[id(u)] = "deck"
            for u in d.bylines:
                label[id(u)] = "byline"
            for u in d.captions:
                label[id(u)] = "caption"
            for s in d.sections:
                if s.subhead:
                    label[id(s.subhead)] = "subhead"
                for u in s.units:
                    label[id(u)] = {"dateline": "dateline", "byline": "byline", "penname": "byline",
                                    "caption": "caption"}.get(u.kind, "body")
            members = d.heads + d.deck + d.bylines + list(d.units())
            if members:
                begins.add(id(min(members, key=lambda u: u.line)))
        raw = text.split("\n")
        lines = ["blank"] * len(raw)
        for u in units:
            lab = label.get(id(u), "body")
            lab = {"heading": "subhead", "paragraph": "body", "bullet": "deck", "penname": "byline"}.get(lab, lab)
            n = u.raw.count("\n") + 1
            for k in range(n):
                lines[u.line + k] = ("^" + lab if id(u) in begins else lab) if k == 0 else "cont"
        out.append((path.stem, [list(zip(raw, lines))]))
    return out


# ---- dump styles -----------------------------------------------------------------------

def render(articles: list[Article], style: str, rng: random.Random) -> list[Line]:
    """One page's articles as a dump in the given style; blank lines carry label 'blank'."""
    out: list[Line] = []
    top = rng.choice((1, 2, 2, 3))  # the headline's markdown level on this page
    # A hard-wrapped dump's column: a narrow newspaper column (a 1930s column of vertical
    # type holds ~13 characters) to a wide screen line; indented paragraphs or not.
    width = rng.choice((10, 12, 13, 16, 20, 24, 30, 36))
    indent = "\u3000\u3000" if rng.random() < 0.5 else ""
    articles = closing_bylines(articles, rng)
    if style == "briefs":
        articles, style = briefs(articles, rng), "plain"
    elif style == "web":
        articles, style = web_page(articles, rng), "plain"
    elif style == "jumps":
        articles, style = jumps(articles, rng), rng.choice(("plain", "markdown", "crawler"))
    if style == "scan":
        articles = _scanned(articles, rng)
    if style in ("furniture", "markdown") and rng.random() < 0.5:  # half the pages open with a title
        for _ in range(rng.randint(1, 3)):
            out += [furniture_line(rng), ("", "blank")]
    for art in articles:
        first = True
        lines = [(t, lab) for t, lab in art if lab == "blank" or stripped(t)] if style != "crawler" else art
        if style == "crawler" and out:
            out.append(("", "blank"))
        for t, lab in lines:
            if lab == "blank":
                if style not in ("dense",):
                    out.append(("", "blank"))
                continue
            if not stripped(t):
                out.append(("", "blank"))  # the crawler's empty kicker/subtitle line
                continue
            if lab == "cont" and style != "crawler":
                # A column of vertical type stays a block of lines in every style: the
                # next line under the one it continues, before the blank that ends it.
                at = len(out) - 1 if out and out[-1][1] == "blank" else len(out)
                out.insert(at, (stripped(t), "cont"))
                continue
            mark = "^" if first and not lab.startswith("^") else ""
            first = False
            if style == "crawler":
                out.append((t, mark + lab))
            elif style == "markdown":
                s = stripped(t)
                if lab.lstrip("^") == "headline":
                    s = "#" * top + " " + s
                elif lab == "subhead":
                    s = "#" * (top + 1) + " " + s if rng.random() < 0.7 else f"**{s}**"
                elif lab in ("kicker", "subtitle"):
                    s = "#" * (top + 2) + " " + s if rng.random() < 0.5 else s
                out += [(s, mark + lab), ("", "blank")]
            elif style == "plain":
                out += [(stripped(t), mark + lab), ("", "blank")]
            elif style == "scan":
                out += [(_scan_hint(stripped(t), lab.lstrip("^"), rng), mark + lab), ("", "blank")]
            elif style == "dense":
                out.append((stripped(t), mark + lab))
            elif style == "wrapped":
                s = stripped(t)
                if lab in ("body", "dateline") and len(s) > width:
                    chunks = [s[i:i + width] for i in range(0, len(s), width)]
                    out.append((indent + chunks[0], mark + lab))
                    out += [(c, "cont") for c in chunks[1:]]
                else:
                    out.append((s if lab != "body" else indent + s, mark + lab))
                out.append(("", "blank"))
            elif style == "furniture":
                out.append((t, mark + lab))
                if lab == "body" and rng.random() < 0.12:
                    cap = f"图为{stripped(t)[:rng.randint(8, 20)]}。{person_name(rng)}摄"
                    out += [("", "blank"), (cap, "caption"), ("", "blank")]
                elif lab in ("body", "subhead") and rng.random() < 0.05:
                    out += [("", "blank"), furniture_line(rng), ("", "blank")]
        if style == "furniture" and rng.random() < 0.3:
            out += [("", "blank"), (f"本版责编：{person_name(rng)}  版式设计：{person_name(rng)}", "furniture")]
    return out


def _joined(art: Article) -> Article:
    """Continuation lines joined onto the line they continue."""
    out: Article = []
    for t, lab in art:
        if lab == "cont" and out:
            out[-1] = (out[-1][0] + stripped(t), out[-1][1])
        else:
            out.append((t, lab))
    return out


def _scanned(articles: list[Article], rng: random.Random) -> list[Article]:
    """A page as archivist's OCR writes it (archivist.scan): each region's lines joined
    into one paragraph, and some articles cut to their first paragraphs (a fold's
    columns read in part)."""
    out = []
    for art in articles:
        joined = _joined(art)
        if rng.random() < 0.4:
            keep, n = [], rng.randint(1, 3)
            for t, lab in joined:
                n -= lab.lstrip("^") in ("body", "dateline")
                if n < 0:
                    break
                keep.append((t, lab))
            joined = keep
        out.append(joined)
    return out


def _scan_hint(s: str, label: str, rng: random.Random) -> str:
    """The OCR's type-size hints: "#" for type twice the body's, "##" for 1.3 times."""
    if label == "headline":
        return ("# " if rng.random() < 0.75 else "## ") + s
    if label in ("kicker", "subtitle", "subhead", "deck"):
        return "## " + s if rng.random() < 0.55 else s
    if label == "furniture" and len(s) <= 8:
        return "# " + s if rng.random() < 0.3 else s
    return s


STYLES = ("crawler", "plain", "markdown", "dense", "wrapped", "furniture", "briefs", "jumps", "web", "scan")


def pages(sources: tuple[str, ...] = ("seed", "rmrb", "jingbao"), rmrb_days: int | None = 24,
          seed: int = 20261202) -> list[tuple[str, str, list[str]]]:
    """(source/style, text, line labels) for every composed page."""
    rng = random.Random(seed)
    out = []
    groups = []
    if "seed" in sources:
        groups += [("seed", p) for p in seed_pages()]
    if "rmrb" in sources:
        groups += [("rmrb", p) for p in rmrb_articles(rmrb_days)]
    if "jingbao" in sources:
        groups += [("jingbao", p) for p in jingbao_pages()]
    t2s = None
    for src, (name, arts) in groups:
        styles = ["crawler"] + [s for s in STYLES[1:] if rng.random() < 0.35]
        if src == "seed":  # three hand-checked pages among a thousand: weigh them up
            styles = ["crawler"] * 6 + list(STYLES[1:]) * 2
        elif src == "jingbao":  # the one historical paper among modern ones: every style, twice
            styles = ["crawler"] * 2 + list(STYLES[1:]) * 2
        for style in styles:
            lines = render(arts, style, rng) if src != "seed" or style != "crawler" else arts[0]
            if src == "rmrb" and rng.random() < 0.1:
                if t2s is None:
                    import opencc  # noqa: PLC0415

                    t2s = opencc.OpenCC("s2t")
                lines = [(t2s.convert(t), lab) for t, lab in lines]
            text = "\n".join(t for t, _ in lines)
            out.append((f"{src}/{style}/{name}", text, [lab for _, lab in lines]))
    return out


