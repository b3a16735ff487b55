"""Article-level renderings for the training corpus (tools/line_corpus.py): the same
articles as other dump styles print them — news-in-brief pages, a title printed apart
from its text, saved web pages, pieces signed at the end — and the made-up furniture,
names and sources they use. Each transform takes the page's articles and the corpus's
random generator and returns new articles; the generator's draws keep `make train`
deterministic."""
from __future__ import annotations

import random

from archivist.split import patterns as pt

Line = tuple[str, str]  # (text, label)
Article = list[Line]

_FURNITURE = ["人民日报 {y}年{m}月{d}日 星期{w}", "第{p}版", "本版责编：{n}", "版式设计：{n}", "本期统筹：{n}",
              "主编 {n} 美编 {n} 审读 {n}", "打印本页 | 关闭窗口", "字号：大 中 小", "【字号 大 中 小】 【打印】 【关闭】",
              "返回目录", "上一版  下一版", "图片", "{n}摄", "（资料图片）", "更多精彩内容请下载客户端", "{y}.{m}.{d}",
              # web-page meta lines around an article
              "{y}-{m:02d}-{d:02d} {h:02d}:{mi:02d} 来源：{src}", "来源：{src}", "责任编辑：{n}", "编辑：{n}",
              "分享到：", "【打印】 【关闭】", "扫一扫，分享到朋友圈", "{y}年{m}月{d}日 {h:02d}:{mi:02d}  来源：{src}"]
_SOURCES = ["人民网", "新华网", "半岛网", "央视网", "中国新闻网", "光明网", "青岛新闻网", "大众网"]
_NAME = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌波辉"


def person_name(rng: random.Random) -> str:
    return rng.choice(_NAME) + "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2))))


def furniture_line(rng: random.Random) -> tuple[str, str]:
    t = rng.choice(_FURNITURE)
    t = t.format(y=rng.randint(1990, 2025), m=rng.randint(1, 12), d=rng.randint(1, 28), w=rng.choice("一二三四五六日"),
                 p=rng.randint(1, 24), n=person_name(rng), h=rng.randint(0, 23), mi=rng.randint(0, 59),
                 src=rng.choice(_SOURCES))
    label = "placeholder" if t == "图片" else "credit" if t.endswith(("摄", "（资料图片）")) else "furniture"
    return t, label


def stripped(text: str) -> str:
    return text.strip(" \u3000")


_ORNAMENTS = "◘●■◆△▲"


def briefs(articles: list[Article], rng: random.Random) -> list[Article]:
    """A news-in-brief page: some articles lose their titles and open with an ornament
    (◘ in 1930s tabloids, ● ■ in digests today); captions get framed by one."""
    mark = rng.choice(_ORNAMENTS)
    out = []
    for art in articles:
        if rng.random() < 0.5:
            out.append([(mark + stripped(t) + mark, lab) if lab == "caption" else (t, lab) for t, lab in art])
            continue
        body = [(t, lab) for t, lab in art if lab not in ("kicker", "headline", "subtitle", "deck", "boxlabel")
                and (lab == "blank" or stripped(t))]
        first = next((k for k, (_t, lab) in enumerate(body) if lab in ("body", "dateline")), None)
        if first is None:
            out.append(art)
            continue
        body[first] = (mark + stripped(body[first][0]), "body")
        out.append(body[first:] + [x for x in body[:first] if x[1] == "byline"])
    return out


_TITLE_LABELS = ("kicker", "headline", "subtitle", "deck", "boxlabel", "byline")


def closing_bylines(articles: list[Article], rng: random.Random) -> list[Article]:
    """Some pieces signed with a pen name under the title, signed after the text instead,
    as the 1930s 晶報 prints them: （name） closes the piece."""
    out: list[Article] = []
    for art in articles:
        at = [i for i, (t, lab) in enumerate(art) if lab == "byline"]
        body = [i for i, (_t, lab) in enumerate(art) if lab == "body"]
        pen = stripped(art[at[0]][0]) if len(at) == 1 else ""
        if not pen or not body or at[0] > body[0] or not pt.is_pen_name(pen) or rng.random() >= 0.25:
            out.append(art)
            continue
        line = (pen, "byline")
        rest = art[:at[0]] + art[at[0] + 1:]
        if at[0] < len(rest) and rest[at[0]][1] == "blank" and at[0] > 0 and rest[at[0] - 1][1] == "blank":
            del rest[at[0]]   # the byline's blank line goes with it
        end = len(rest)
        while end and rest[end - 1][1] == "blank":
            end -= 1
        out.append(rest[:end] + [("", "blank"), line] + rest[end:])
    return out


def jumps(articles: list[Article], rng: random.Random) -> list[Article]:
    """A page whose article's title stands apart from its text, another article printed
    between (a jump, a layout read out of order): the text's first line begins a part
    that the grouping hands back to the title it follows from."""
    out: list[Article] = []
    k = 0
    while k < len(articles):
        art = articles[k]
        split = next((i for i, (t, lab) in enumerate(art) if stripped(t) and lab not in _TITLE_LABELS + ("blank",)), None)
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


def web_page(articles: list[Article], rng: random.Random) -> list[Article]:
    """Articles as saved web pages: a meta line (time, source) under the title, the
    editor's and sharing lines after the text."""
    def fill(t: str) -> str:
        return t.format(y=rng.randint(2000, 2025), m=rng.randint(1, 12), d=rng.randint(1, 28), h=rng.randint(0, 23),
                        mi=rng.randint(0, 59), src=rng.choice(_SOURCES), n=person_name(rng))

    out = []
    for art in articles:
        k = next((i for i, (t, lab) in enumerate(art) if stripped(t) and lab not in _TITLE_LABELS + ("blank",)), len(art))
        tail = [(fill(rng.choice(_WEB_TAIL)), "furniture") for _ in range(rng.randint(0, 2))]
        out.append(art[:k] + [(fill(rng.choice(_WEB_META)), "furniture")] + art[k:] + tail)
    return out
