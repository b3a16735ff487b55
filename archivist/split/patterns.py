"""Line patterns of a Chinese newspaper page (DESIGN §2): furniture, bylines, datelines,
captions, headings. Pure functions over one unit's text; context is group.py's job."""
from __future__ import annotations

import re

HAN = r"\u3400-\u9fff\uf900-\ufaff"
_HAN_RE = re.compile(f"[{HAN}]")

# --- page furniture ---------------------------------------------------------------
_EDITOR_ROLES = re.compile(r"(主编|责编|责任编辑|美编|审读|排版|校对|编审|版式|视觉设计|终审|值班编辑|组版|检校)")
_PROMO = re.compile(
    r"(客户端\s*[:：]|^更多(内容|精彩|资讯)|扫[描一]?[下]?码|长按.{0,6}(识别|二维码)|"
    r"关注.{0,12}(公众号|客户端|视频号|抖音号|微博)|下载.{0,10}(客户端|APP|App|app)|"
    r"^(来源|稿件来源|信息来源|图片来源)\s*[:：]|^原标题\s*[:：])"
)
# A single-role credit line: "版式设计：蔡华伟", "本期统筹：王伟", "本版制图：郭 祥", "策划：…".
_ROLE_LINE = re.compile(r"^\W?(本版|本期|本组|本文)?(责编|责任编辑|主编|美编|审读|排版|校对|版式设计|版式|统筹|制图|"
                        r"视觉设计|设计|图片编辑|图表|策划|监制|题图|插图|文字|数据来源|资料来源)\s*[：:]\s*\S")
# The paper's rights notice: "各稿版權均歸本社所有禁止轉載", "本报版权所有 未经授权不得转载".
_RIGHTS = re.compile(r"(版权|版權)(均归|均歸|归|歸)?.{0,4}所有|(禁止|不得|严禁|嚴禁|谢绝|謝絕)(转载|轉載|翻印)")
_PAPER_HEADER = re.compile(
    rf"^[{HAN}A-Za-z·]{{0,10}}(日报|晚报|早报|晨报|时报|商报|周报|都市报|报|報)([ \t\u3000]+[{HAN}]{{1,8}})?$"
)
_PAGE_NO = re.compile(r"^(第\s*[一二三四五六七八九十百\d]+\s*版|[A-Z]\d{1,2}(版)?|\d{1,2}版|版次\s*[:：].*)([ \t\u3000].*)?$")
_WEEKDAY = re.compile(r"(星期|礼拜|週)[一二三四五六日天]")
_PLACEHOLDER = re.compile(r"^[\[【（(]?(图片|图|照片|视频|插图|配图|图表|组图)[\]】）)]?$")
_URL_ONLY = re.compile(r"^(https?://|www\.)\S+$")
# Web page meta and chrome: "2024-12-24 10:30 来源：半岛网", "发布时间：…", "打印本页".
_WEB_META = re.compile(
    r"^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(\s+\d{1,2}:\d{2}(:\d{2})?)?(\s|$)"
    r"|^(发布时间|发布日期|更新时间|时间|日期|阅读|浏览|点击)\s*[:：]"
    r"|^[【\[]?\s*字[体号]\s*[:：]|^(打印本页|关闭窗口|返回顶部|分享到\s*[:：]?|上一篇|下一篇)"
)


def is_placeholder(text: str) -> bool:
    return bool(_PLACEHOLDER.match(text))


def is_furniture(text: str) -> bool:
    if len(text) > 80:
        return False
    roles = set(_EDITOR_ROLES.findall(text))
    if len(roles) >= 2 or (roles and len(text) <= 30 and re.match(r"^\W?(主编|责编|责任编辑|美编|审读|排版|校对)", text)):
        return True
    if (_PROMO.search(text) or _RIGHTS.search(text)) and len(text) <= 60:
        return True
    if len(text) <= 40 and _ROLE_LINE.match(text) and not re.search("[，。；！？,;!?]", text):
        return True
    if _PAGE_NO.match(text) or _URL_ONLY.match(text) or (len(text) <= 60 and _WEB_META.match(text)):
        return True
    if len(text) <= 30 and _WEEKDAY.search(text) and not re.search(r"[。，,]", text):
        return True
    return bool(len(text) <= 16 and _PAPER_HEADER.match(text))


# --- bylines ---------------------------------------------------------------------
ROLE_WORDS = (
    "全媒体记者", "首席记者", "特约记者", "见习记者", "本报记者", "新华社记者", "记者", "通讯员",
    "实习生", "特约撰稿人", "撰稿人", "撰稿", "编译", "摄影记者", "摄影", "文/图", "文／图", "图/文",
    "图／文", "文图", "报道", "整理", "供稿", "作者", "编辑",
)
_ROLE_RE = re.compile("|".join(map(re.escape, sorted(ROLE_WORDS, key=len, reverse=True))))
_BYLINE_MARK = re.compile(r"^[□■◎○●▲△◆◇\s]+")
_PAREN = re.compile(r"^[（(](.*)[）)]$")
# Astral Han too: old pen names use rare characters beyond the BMP. One character is a name as often
# as not in old papers (（癡） in the 1920 晶報 corpus); the one-character words that are not
# names — part marks, figure and note marks, ordinals — are left out.
_PEN_NAME = re.compile(rf"^[（(]([{HAN}\U00020000-\U0003134F·]{{1,6}})[）)]$")
_NOT_A_NAME = frozenset("上中下续續完终終图圖表注註附又另甲乙丙丁戊己庚辛壬癸全")
_NUMERAL_ONLY = re.compile(r"^[（(][一二三四五六七八九十〇百零两\d]+[）)]$")


def is_byline(text: str) -> bool:
    if len(text) > 60 or "。" in text.strip("（）()"):
        return False
    body = _BYLINE_MARK.sub("", text)
    m = _PAREN.match(body)
    if m:
        body = m.group(1)
    if not _ROLE_RE.search(body):
        return False
    # A byline is roles, organisations and short names: no sentence, no long words.
    if re.search(r"[，,；;！？]|·\d|\d{3}", body):
        return False
    tokens = [t for t in re.split(r"[\s\u3000、/／|]+", _ROLE_RE.sub(" ", body)) if t]
    return bool(tokens) and all(len(t) <= 8 or _ORG_SUFFIX.search(t) for t in tokens)


def is_pen_name(text: str) -> bool:
    """A parenthesised short name under a heading, as old papers print authors: （丹翁）."""
    m = _PEN_NAME.match(text)
    return bool(m) and m.group(1) not in _NOT_A_NAME and not _NUMERAL_ONLY.match(text) \
        and not is_title_noise(text)


_ORG_SUFFIX = re.compile(r"(日报|晚报|报社|新闻|全媒体|融媒体|电视台|网|社|台|报|客户端)$")


def byline_names(text: str) -> list[str]:
    """Person names of a byline, without role words or spaces: 记者 刘 萍 → ["刘萍"]."""
    body = _BYLINE_MARK.sub("", text).strip()
    m = _PAREN.match(body)
    if m:
        body = m.group(1)
    names: list[str] = []
    for chunk in re.split(r"[、/／|；;,，]", body):
        # Text glued to the left of a role word is the organisation: 半岛全媒体记者.
        pos = 0
        for m in list(_ROLE_RE.finditer(chunk)) + [None]:
            piece = chunk[pos:m.start()] if m else chunk[pos:]
            tokens = [t.strip("：:（）()[]【】") for t in re.split(r"[\s\u3000]+", piece)]
            tokens = [t for t in tokens if t]
            if m and tokens and not piece[-1:].isspace() and "记者" in m.group():
                tokens.pop()  # only a reporter's title carries its outlet in front of it
            tokens = [t for t in tokens if not _ORG_SUFFIX.search(t) and t not in ("文", "图", "摄")]
            names.extend(_merge_single_chars(tokens))
            if m:
                pos = m.end()
    return [n for n in names if _looks_like_name(n)]


def _merge_single_chars(tokens: list[str]) -> list[str]:
    # Two-character names are printed spaced to the width of three: 刘 萍.
    out: list[str] = []
    run: list[str] = []
    for t in tokens + [""]:
        if len(t) == 1 and _HAN_RE.match(t):
            run.append(t)
            continue
        if run:
            out.append("".join(run))
            run = []
        if t:
            out.append(t)
    return out


def _looks_like_name(token: str) -> bool:
    token = token.strip("（）()[]【】:：")
    if not token:
        return False
    if re.fullmatch(rf"[{HAN}·]{{2,6}}", token):
        return True
    return bool(re.fullmatch(r"[A-Z][a-zA-Z.\-]+( [A-Z][a-zA-Z.\-]+)*", token))


# --- datelines ---------------------------------------------------------------------
_AGENCY = rf"(?:本报|本刊|本台|本网|新华社|中新社|[{HAN}]{{2,8}}(?:报社|日报|晚报|新闻网|网|社|电视台|客户端|新闻))"
DATELINE = re.compile(
    rf"^{_AGENCY}[{HAN}\d０-９年月日号\s·]{{0,16}}?(?:讯|电)(?=[\s\u3000（(【]|$|[{HAN}“])"
    rf"|^据[{HAN}]{{2,12}}(?:报道|消息)(?=[,，])"
)
_DATELINE_BYLINE = re.compile(r"^[\s\u3000]*[（(]([^）)]{1,40})[）)]")


def dateline_of(text: str) -> str | None:
    m = DATELINE.match(text)
    return m.group(0).strip() if m else None


def dateline_byline(text: str) -> list[str]:
    """Names in the parenthesis right after a dateline: 本报讯（记者 刘萍）…"""
    m = DATELINE.match(text)
    if not m:
        return []
    p = _DATELINE_BYLINE.match(text[m.end():])
    if not p or not _ROLE_RE.search(p.group(1)):
        return []
    return byline_names(p.group(1))


# --- captions and headings -----------------------------------------------------------
CAPTION_MARK = re.compile(r"^[■▲△▼▽◆◇●]\s*")
_PHOTO_CREDIT = re.compile(
    rf"([\s\u3000][{HAN}·]{{2,8}}\s*[/／]?\s*(?:摄|摄影|供图|制图)|[（(](?:[^）)]{{0,20}})(?:摄|供图|资料图片|图)[）)]"
    rf"|(?:资料图片|新华社发|供图)|(?:摄影|图|摄)\s*[/／：:]\s*[{HAN}·]{{2,8}}(?:\s+[{HAN}·]{{2,8}})*)\s*$"
)
_CAPTION_LEAD = re.compile(r"^(图为|上图|下图|左图|右图|图[一二三四1-4][：:]|图[：:])")
_ENDS_SENTENCE = tuple("。！？!?；;：:，,、")


def is_caption(text: str) -> bool:
    if len(text) > 160:
        return False
    return bool(CAPTION_MARK.match(text) or _PHOTO_CREDIT.search(text) or (_CAPTION_LEAD.match(text) and len(text) <= 100))


def strip_caption_mark(text: str) -> str:
    return CAPTION_MARK.sub("", text).strip()


def looks_like_heading(text: str) -> bool:
    """A plain line that reads as a title: short, no sentence punctuation at its end."""
    if len(text) > 48 or len(text) < 2:
        return False
    if text.endswith(_ENDS_SENTENCE) and not text.endswith("——"):
        return False
    if not _HAN_RE.search(text):
        return False
    return text.count("。") == 0


# Anchored at the start, so a long line is not scanned at every position ("著" at the end
# is tested apart).
_TITLE_NOISE = re.compile(
    r"[（(][一二三四五六七八九十〇百零\d]+[）)]$|第.{1,5}[回囘章节節版期]|(禁止|不得)(轉載|转载)|[（(]?(未完|待续|待續|续完|續完)[）)]?$"
)


def is_title_noise(text: str) -> bool:
    """Serial numbers, chapter marks, author and reprint notices in a title group."""
    return text.endswith(("著", "著\n")) or bool(_TITLE_NOISE.match(text))


def is_kicker_line(text: str) -> bool:
    return text.endswith(("——", "—", "：", ":"))


def is_subtitle_line(text: str) -> bool:
    return text.startswith(("——", "—", "－－", "--"))
