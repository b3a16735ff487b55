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

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SEEDS = ROOT.parent / "shared" / "samples"
Line = tuple[str, str]  # (text, label)
Article = list[Line]


def _paragraph_label(text: str, first: bool) -> str:
    t = _strip(text)
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
            one = len(lines) == 1 and len(lines[0].strip("\u3000 ")) <= 25
            if "image" in r["ctx"]:
                label = "caption"
            elif not art and one:
                label = "headline"
            elif one and pt.is_pen_name(lines[0].strip("\u3000 ")):
                label = "byline"   # after the text too: a pen name closing the article
            elif not seen_body and one:
                t = lines[0].strip("\u3000 ")
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

_FURNITURE = ["人民日报 {y}年{m}月{d}日 星期{w}", "第{p}版", "本版责编：{n}", "版式设计：{n}", "本期统筹：{n}",
              "主编 {n} 美编 {n} 审读 {n}", "打印本页 | 关闭窗口", "字号：大 中 小", "【字号 大 中 小】 【打印】 【关闭】",
              "返回目录", "上一版  下一版", "图片", "{n}摄", "（资料图片）", "更多精彩内容请下载客户端", "{y}.{m}.{d}",
              # web-page meta lines around an article
              "{y}-{m:02d}-{d:02d} {h:02d}:{mi:02d} 来源：{src}", "来源：{src}", "责任编辑：{n}", "编辑：{n}",
              "分享到：", "【打印】 【关闭】", "扫一扫，分享到朋友圈", "{y}年{m}月{d}日 {h:02d}:{mi:02d}  来源：{src}"]
_SOURCES = ["人民网", "新华网", "半岛网", "央视网", "中国新闻网", "光明网", "青岛新闻网", "大众网"]
_NAME = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌波辉"


def _name(rng: random.Random) -> str:
    return rng.choice(_NAME) + "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2))))


def _furniture_line(rng: random.Random) -> tuple[str, str]:
    t = rng.choice(_FURNITURE)
    t = t.format(y=rng.randint(1990, 2025), m=rng.randint(1, 12), d=rng.randint(1, 28), w=rng.choice("一二三四五六日"),
                 p=rng.randint(1, 24), n=_name(rng), h=rng.randint(0, 23), mi=rng.randint(0, 59),
                 src=rng.choice(_SOURCES))
    label = "placeholder" if t == "图片" else "credit" if t.endswith(("摄", "（资料图片）")) else "furniture"
    return t, label


def _strip(text: str) -> str:
    return text.strip(" \u3000")


_ORNAMENTS = "◘●■◆△▲"


def _briefs(articles: list[Article], rng: random.Random) -> list[Article]:
    """A news-in-brief page: some articles lose their titles and open with an ornament
    (◘ in 1930s tabloids, ● ■ in digests today); captions get framed by one."""
    mark = rng.choice(_ORNAMENTS)
    out = []
    for art in articles:
        if rng.random() < 0.5:
            out.append([(mark + _strip(t) + mark, lab) if lab == "caption" else (t, lab) for t, lab in art])
            continue
        body = [(t, lab) for t, lab in art if lab not in ("kicker", "headline", "subtitle", "deck", "boxlabel")
                and (lab == "blank" or _strip(t))]
        first = next((k for k, (_t, lab) in enumerate(body) if lab in ("body", "dateline")), None)
        if first is None:
            out.append(art)
            continue
        body[first] = (mark + _strip(body[first][0]), "body")
        out.append(body[first:] + [x for x in body[:first] if x[1] == "byline"])
    return out


_TITLE_LABELS = ("kicker", "headline", "subtitle", "deck", "boxlabel", "byline")


def _closing_bylines(articles: list[Article], rng: random.Random) -> list[Article]:
    """Some articles with their byline after the text, in parentheses, as many papers
    print it (1930s 晶報: the pen name closes the piece; modern papers: （记者 name）)."""
    out: list[Article] = []
    for art in articles:
        at = [i for i, (t, lab) in enumerate(art) if lab == "byline"]
        body = [i for i, (_t, lab) in enumerate(art) if lab == "body"]
        if len(at) != 1 or not body or at[0] > body[0] or not pt.is_pen_name(_strip(art[at[0]][0])) \
                or rng.random() >= 0.25:
            out.append(art)
            continue
        t = _strip(art[at[0]][0])
        line = (t if t.startswith(("（", "(")) else f"（{t}）", "byline")
        rest = art[:at[0]] + art[at[0] + 1:]
        if at[0] < len(rest) and rest[at[0]][1] == "blank" and at[0] > 0 and rest[at[0] - 1][1] == "blank":
            del rest[at[0]]   # the byline's blank line goes with it
        end = len(rest)
        while end and rest[end - 1][1] == "blank":
            end -= 1
        out.append(rest[:end] + [("", "blank"), line] + rest[end:])
    return out


def _jumps(articles: list[Article], rng: random.Random) -> list[Article]:
    """A page whose article's title stands apart from its text, another article printed
    between (a jump, a layout read out of order): the text's first line begins a part
    that the grouping hands back to the title it follows from."""
    out: list[Article] = []
    k = 0
    while k < len(articles):
        art = articles[k]
        split = next((i for i, (t, lab) in enumerate(art) if _strip(t) and lab not in _TITLE_LABELS + ("blank",)), None)
        # Only where the text opens with a dateline: a bare paragraph gives no sign of it.
        if k + 1 < len(articles) and split and art[split][1] == "dateline" and rng.random() < 0.8:
            rest = [(t, lab) for t, lab in art[split:]]
            t, lab = rest[0]
            out += [art[:split], articles[k + 1], [(t, "^" + lab)] + rest[1:]]
            k += 2
        else:
            out.append(art)
            k += 1
    return out


_WEB_META = ("{y}-{m:02d}-{d:02d} {h:02d}:{mi:02d} 来源：{src}", "{y}-{m:02d}-{d:02d} {h:02d}:{mi:02d}",
             "来源：{src}  {y}-{m:02d}-{d:02d}", "发布时间：{y}-{m:02d}-{d:02d} {h:02d}:{mi:02d}")
_WEB_TAIL = ("责任编辑：{n}", "编辑：{n}", "分享到：", "【打印】 【关闭】", "扫一扫，分享到朋友圈", "[责任编辑：{n}]")


def _web(articles: list[Article], rng: random.Random) -> list[Article]:
    """Articles as saved web pages: a meta line (time, source) under the title, the
    editor's and sharing lines after the text."""
    def fill(t: str) -> str:
        return t.format(y=rng.randint(2000, 2025), m=rng.randint(1, 12), d=rng.randint(1, 28), h=rng.randint(0, 23),
                        mi=rng.randint(0, 59), src=rng.choice(_SOURCES), n=_name(rng))

    out = []
    for art in articles:
        k = next((i for i, (t, lab) in enumerate(art) if _strip(t) and lab not in _TITLE_LABELS + ("blank",)), len(art))
        tail = [(fill(rng.choice(_WEB_TAIL)), "furniture") for _ in range(rng.randint(0, 2))]
        out.append(art[:k] + [(fill(rng.choice(_WEB_META)), "furniture")] + art[k:] + tail)
    return out


def render(articles: list[Article], style: str, rng: random.Random) -> list[Line]:
    """One page's articles as a dump in the given style; blank lines carry label 'blank'."""
    out: list[Line] = []
    top = rng.choice((1, 2, 2, 3))  # the headline's markdown level on this page
    # A hard-wrapped dump's column: a narrow newspaper column (a 1930s column of vertical
    # type holds ~13 characters) to a wide screen line; indented paragraphs or not.
    width = rng.choice((10, 12, 13, 16, 20, 24, 30, 36))
    indent = "\u3000\u3000" if rng.random() < 0.5 else ""
    articles = _closing_bylines(articles, rng)
    if style == "briefs":
        articles, style = _briefs(articles, rng), "plain"
    elif style == "web":
        articles, style = _web(articles, rng), "plain"
    elif style == "jumps":
        articles, style = _jumps(articles, rng), rng.choice(("plain", "markdown", "crawler"))
    if style == "scan":
        articles = _scanned(articles, rng)
    if style in ("furniture", "markdown") and rng.random() < 0.5:  # half the pages open with a title
        for _ in range(rng.randint(1, 3)):
            out += [_furniture_line(rng), ("", "blank")]
    for art in articles:
        first = True
        lines = [(t, lab) for t, lab in art if lab == "blank" or _strip(t)] if style != "crawler" else art
        if style == "crawler" and out:
            out.append(("", "blank"))
        for t, lab in lines:
            if lab == "blank":
                if style not in ("dense",):
                    out.append(("", "blank"))
                continue
            if not _strip(t):
                out.append(("", "blank"))  # the crawler's empty kicker/subtitle line
                continue
            if lab == "cont" and style != "crawler":
                # A column of vertical type stays a block of lines in every style: the
                # next line under the one it continues, before the blank that ends it.
                at = len(out) - 1 if out and out[-1][1] == "blank" else len(out)
                out.insert(at, (_strip(t), "cont"))
                continue
            mark = "^" if first and not lab.startswith("^") else ""
            first = False
            if style == "crawler":
                out.append((t, mark + lab))
            elif style == "markdown":
                s = _strip(t)
                if lab.lstrip("^") == "headline":
                    s = "#" * top + " " + s
                elif lab == "subhead":
                    s = "#" * (top + 1) + " " + s if rng.random() < 0.7 else f"**{s}**"
                elif lab in ("kicker", "subtitle"):
                    s = "#" * (top + 2) + " " + s if rng.random() < 0.5 else s
                out += [(s, mark + lab), ("", "blank")]
            elif style == "plain":
                out += [(_strip(t), mark + lab), ("", "blank")]
            elif style == "scan":
                out += [(_scan_hint(_strip(t), lab.lstrip("^"), rng), mark + lab), ("", "blank")]
            elif style == "dense":
                out.append((_strip(t), mark + lab))
            elif style == "wrapped":
                s = _strip(t)
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
                    cap = f"图为{_strip(t)[:rng.randint(8, 20)]}。{_name(rng)}摄"
                    out += [("", "blank"), (cap, "caption"), ("", "blank")]
                elif lab in ("body", "subhead") and rng.random() < 0.05:
                    out += [("", "blank"), _furniture_line(rng), ("", "blank")]
        if style == "furniture" and rng.random() < 0.3:
            out += [("", "blank"), (f"本版责编：{_name(rng)}  版式设计：{_name(rng)}", "furniture")]
    return out


def _joined(art: Article) -> Article:
    """Continuation lines joined onto the line they continue."""
    out: Article = []
    for t, lab in art:
        if lab == "cont" and out:
            out[-1] = (out[-1][0] + _strip(t), out[-1][1])
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


