"""A paper with house habits the shipped line model has never seen, built from People's
Daily articles of days it was not fitted on: headlines printed in 【】, no blank lines at
all, the byline printed under the headline as 本报记者 王雷, the text straight after it. And the corrections an
archivist makes to such a page, through the split editor's and article editor's own
operations (archivist.split.edit_ops) and the library's replace_source_articles.
"""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from archivist.split import edit_ops
from archivist.split.corrections import key

RMRB = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "rmrb-2020-train"
UNSEEN_DAYS = ("20200212", "20200213", "20200214", "20200215", "20200217", "20200218", "20200219",
               "20200221", "20200222", "20200223", "20200224", "20200226")  # after the 24 training days
_NAMES = ("王雷", "刘萍", "张伟", "李娜", "陈静", "杨洋", "赵敏", "周杰", "孙磊", "吴芳")


def corpus_pages(n: int, seed: int = 15) -> list[tuple[str, list[dict]]]:
    """n pages of the house style: (text, truth), truth one {"headline", "paragraphs",
    "byline"} per article. Skips the test when ../shared/corpus is not beside the checkout."""
    if not RMRB.is_dir():
        pytest.skip("../shared/corpus is not beside this checkout")
    rng = random.Random(seed)
    out = []
    for day in UNSEEN_DAYS:
        for page in sorted({f.name[9:11] for f in (RMRB / day).glob("*.txt")}):
            arts = _articles(day, page)
            if len(arts) >= 3:
                out.append(_render(arts, rng))
            if len(out) == n:
                return out
    raise AssertionError(f"only {len(out)} pages of three or more articles")


def _articles(day: str, page: str) -> list[tuple[str, list[str]]]:
    out = []
    for f in sorted((RMRB / day).glob(f"{day}-{page}-*.txt")):
        lines = f.read_text(encoding="utf-8-sig").replace("\r", "").split("\n") + ["", "", ""]
        head = lines[1].strip(" \u3000")
        paras = [x.strip(" \u3000") for x in lines[3:] if x.strip(" \u3000")]
        if head and paras and len(paras) <= 40:
            out.append((head, paras))
    return out


def _render(arts, rng) -> tuple[str, list[dict]]:
    lines, truth = [], []
    for head, paras in arts:
        name = rng.choice(_NAMES)
        lines += [f"【{head}】", f"本报记者 {name}", *paras]
        truth.append({"headline": head, "paragraphs": paras, "byline": name})
    return "\n".join(lines), truth


def strip_brackets(text: str | None) -> str:
    return (text or "").strip("【】")


def correct_page(library, source_id: int, truth: list[dict]) -> None:
    """Make the page's articles the true ones, as the archivist leaves them after the split
    editor (articles merged, split, paragraphs moved back) and the article editor
    (headline typed without its brackets, the byline's name typed in and the printed
    byline line taken out of the text): the page's articles are edited in place with the
    editors' own operation (edit_ops.apply_edit), the ones left over made or trashed, and
    the page written in one replace_source_articles, the split editor's one step."""
    arts = [library.get_article(i) for i in library.source_articles(source_id)]
    out = []
    for k, want in enumerate(truth):
        out.append(edit_ops.apply_edit(arts[k] if k < len(arts) else {}, {
            "kicker": None, "headline": want["headline"], "subtitle": None, "deck": [], "captions": [],
            "byline": [want["byline"]], "dateline": None,
            "blocks": [{"kind": "paragraph", "text": p} for p in want["paragraphs"]]}))
    library.replace_source_articles(source_id, out)


def _text(article: dict) -> str:
    parts = [article.get(k) or "" for k in ("kicker", "headline", "subtitle", "dateline")]
    parts += [b["text"] for b in article.get("blocks") or []]
    parts += list(article.get("deck") or []) + list(article.get("byline") or []) + list(article.get("captions") or [])
    return key("".join(parts))


def matched(articles: list[dict], truth: list[dict]) -> int:
    """How many true articles came out right: an article with the true headline (brackets
    aside) holding every paragraph of 12 characters or more of the article but one in ten
    (at least one may be missing: the cleaner drops a repeated paragraph; shorter lines are
    photo credits and inner bylines, which go to the page's furniture or the byline), and no
    paragraph of 30 characters or more of another article (a short quote recurs). Letters
    and digits are compared: cleaning changes punctuation."""
    hit = 0
    for n, want in enumerate(truth):
        for a in articles:
            if strip_brackets(a.get("headline")) != want["headline"]:
                continue
            text = _text(a)
            long = [key(p) for p in want["paragraphs"] if len(key(p)) >= 12]
            missing = sum(p not in text for p in long)
            others = [key(p) for m, t in enumerate(truth) if m != n for p in t["paragraphs"] if len(key(p)) >= 30]
            if missing <= max(1, len(long) // 10) and not any(p in text for p in others):
                hit += 1
                break
    return hit
