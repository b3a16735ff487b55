"""Readable forms of an article record: Markdown, and the bundle's offline index.html.

index.html is one file with inline CSS and JS and no network use. Every piece of article
text goes in through html.escape, and the script only ever reads textContent, so text
such as `<script>` in an article shows as text. Each article is a <section>; CSS
`:target` shows one at a time, so reading works even with scripts off; the filter box
(JS) narrows the list.
"""
from __future__ import annotations

from html import escape


def _meta_line(record: dict) -> str:
    parts = [f"#{record['id']}", record.get("date") or "", record["source"]["filename"]]
    if record.get("tags"):
        parts.append("tags: " + ", ".join(record["tags"]))
    return " · ".join(p for p in parts if p)


_MD_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def md_text(text: str) -> str:
    """Text as Markdown shows it and never as HTML: a renderer passes raw tags through
    (`<script>`, `<img onerror>`) but shows an entity as its character. With no `>` left,
    nothing can close the meta comment either."""
    return str(text).translate(_MD_HTML)


def to_markdown(record: dict) -> str:
    a = record["article"]
    m = md_text
    out = []
    if a.get("kicker"):
        out.append(f"*{m(a['kicker'])}*\n")
    out.append(f"# {m(a.get('headline') or '(untitled)')}\n")
    if a.get("subtitle"):
        out.append(f"**{m(a['subtitle'])}**\n")
    out.append(f"<!-- {m(_meta_line(record))} · revision {record['revision_id']} -->\n")
    for line in a.get("deck") or []:
        out.append(f"> ■ {m(line)}")
    if a.get("deck"):
        out.append("")
    if a.get("byline"):
        out.append("署名：" + m("、".join(a["byline"])) + "\n")
    for block in a.get("blocks") or []:
        text = m(block["text"])
        out.append(f"## {text}\n" if block.get("kind") == "subhead" else f"{text}\n")
    for caption in a.get("captions") or []:
        out.append(f"*[图] {m(caption)}*\n")
    fixes = a.get("fixes") or []
    if fixes:
        out.append("---\n")
        out.append(f"Automatic fixes ({len(fixes)}):\n")
        for i, f in enumerate(fixes):
            state = " (reverted)" if f.get("reverted") else ""
            out.append(f"{i + 1}. `{m(f['rule'])}` {m(f['action'])}{state}: {m(repr(f['before']))} → "
                       f"{m(repr(f['after']))}{' — ' + m(f['reason']) if f.get('reason') else ''}")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _section(record: dict) -> str:
    a = record["article"]
    e = escape
    out = [f'<section class="page" id="a{record["id"]}"><p class="nav"><a href="#">← list</a></p>']
    if a.get("kicker"):
        out.append(f'<p class="kicker">{e(a["kicker"])}</p>')
    out.append(f'<h2>{e(a.get("headline") or "(untitled)")}</h2>')
    if a.get("subtitle"):
        out.append(f'<p class="subtitle">{e(a["subtitle"])}</p>')
    out.append(f'<p class="meta">{e(_meta_line(record))}</p>')
    for line in a.get("deck") or []:
        out.append(f'<p class="deck">■ {e(line)}</p>')
    if a.get("byline"):
        out.append(f'<p class="byline">{e("、".join(a["byline"]))}</p>')
    for block in a.get("blocks") or []:
        tag = "h3" if block.get("kind") == "subhead" else "p"
        out.append(f"<{tag}>{e(block['text'])}</{tag}>")
    for caption in a.get("captions") or []:
        out.append(f'<p class="caption">[图] {e(caption)}</p>')
    fixes = a.get("fixes") or []
    if fixes:
        out.append(f"<details><summary>{len(fixes)} automatic fix(es)</summary><ol>")
        for f in fixes:
            state = " (reverted)" if f.get("reverted") else ""
            out.append(f"<li><code>{e(f['rule'])}</code> {e(f['action'])}{state}: «{e(f['before'])}» → "
                       f"«{e(f['after'])}»</li>")
        out.append("</ol></details>")
    out.append("</section>")
    return "".join(out)


_STYLE = """
body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;max-width:46em;margin:auto;
padding:1em;line-height:1.7;color:#222}
#filter{width:100%;font-size:1.1em;padding:.3em;box-sizing:border-box}
#list li{margin:.2em 0} #list .m{color:#777;font-size:.85em}
.page{display:none} .page:target{display:block}
body:has(.page:target) #list{display:none}
.meta,.caption,.kicker,.subtitle{color:#555} .deck{font-weight:bold}
"""

_SCRIPT = """
(function(){
  var box=document.getElementById('filter'), items=document.querySelectorAll('#list li'),
      count=document.getElementById('count');
  box.addEventListener('input',function(){
    var q=box.value.trim().toLowerCase(), shown=0;
    for(var i=0;i<items.length;i++){
      var li=items[i], page=document.getElementById('a'+li.getAttribute('data-id'));
      var hit=!q || (page && page.textContent.toLowerCase().indexOf(q)>=0);
      li.style.display=hit?'':'none'; if(hit) shown++;
    }
    count.textContent=shown+' / '+items.length;
  });
})();
"""


def index_html(records: list[dict], title: str) -> str:
    items = [f'<li data-id="{r["id"]}"><a href="#a{r["id"]}">{escape(r["article"].get("headline") or "(untitled)")}'
             f'</a> <span class="m">{escape(_meta_line(r))}</span></li>' for r in records]
    return "".join([
        '<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline';"
        " script-src 'unsafe-inline'\">",
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>\n",
        f'<nav id="list"><h1>{escape(title)}</h1>',
        '<input id="filter" type="search" placeholder="Filter / 筛选" autocomplete="off">',
        f'<p class="m" id="count">{len(records)} / {len(records)}</p><ul>\n',
        "\n".join(items),
        "\n</ul></nav>\n<main>\n",
        "\n".join(_section(r) for r in records),
        f"\n</main>\n<script>{_SCRIPT}</script>\n</body></html>\n",
    ])
