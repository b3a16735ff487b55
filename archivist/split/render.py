"""A readable rendering of a split page for the terminal."""
from __future__ import annotations

from collections import Counter


def render_text(doc: dict) -> str:
    out: list[str] = []
    src = doc.get("source") or {}
    out.append(f"# {src.get('path', '')}  ({src.get('encoding', '?')}, "
               f"{len(doc['articles'])} articles)")
    for n, a in enumerate(doc["articles"], 1):
        out.append("")
        out.append(f"== Article {n} " + "=" * 40)
        for key, label in (("kicker", "引题"), ("headline", "主题"), ("subtitle", "副题")):
            if a.get(key):
                out.append(f"{label}  {a[key]}")
        for d in a.get("deck") or []:
            out.append(f"提要  {d}")
        if a.get("byline"):
            out.append(f"署名  {'、'.join(a['byline'])}")
        if a.get("dateline"):
            out.append(f"电头  {a['dateline']}")
        out.append("")
        for b in a.get("blocks") or []:
            out.append(f"  ## {b['text']}" if b["kind"] == "subhead" else f"  {b['text']}")
        for c in a.get("captions") or []:
            out.append(f"图片说明  {c}")
        fixes = a.get("fixes") or []
        if fixes:
            counts = Counter(f["rule"] for f in fixes)
            out.append("fixes: " + ", ".join(f"{r}×{c}" for r, c in sorted(counts.items())))
    if doc.get("furniture"):
        out.append("")
        out.append("== Page furniture")
        out.extend(f"  {f}" for f in doc["furniture"])
    return "\n".join(out) + "\n"
