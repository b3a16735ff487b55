"""Qt-free helpers for resolving merge conflicts in the GUI (File → Merge Review):
the three versions of a conflicted article as text, and an edited text back into an
article to store with lib.resolve_conflict(id, article)."""
from __future__ import annotations

from archivist.store import Library


def article_text(article: dict) -> str:
    """Headline on the first line, then paragraphs separated by blank lines; subheads
    start with "## ". The same shape article_from_text reads back."""
    parts = [article.get("headline") or ""]
    for block in article.get("blocks") or []:
        parts.append(f"## {block['text']}" if block.get("kind") == "subhead" else block["text"])
    return "\n\n".join(parts)


def article_from_text(template: dict, text: str) -> dict:
    """`template` with its headline and blocks replaced by the edited text. Its other
    fields stay; its fixes stay only if the blocks did not change (a fix's position means
    nothing in text edited by hand; the earlier revisions keep them)."""
    chunks = [c.strip() for c in text.replace("\r\n", "\n").split("\n\n")]
    chunks = [c for c in chunks if c]
    headline = chunks[0] if chunks else None
    blocks = [{"kind": "subhead", "text": c[3:].strip()} if c.startswith("## ") else {"kind": "paragraph", "text": c}
              for c in chunks[1:]]
    out = dict(template, headline=headline, blocks=blocks)
    if [(b.get("kind", "paragraph"), b["text"]) for b in template.get("blocks") or []] != \
            [(b["kind"], b["text"]) for b in blocks]:
        out["fixes"] = []
    return out


def conflict_versions(lib: Library, conflict: dict) -> dict[str, dict]:
    """{"base", "mine", "theirs"} articles of a conflict from lib.conflicts(); mine is
    the library's current article (it may have moved on since the merge)."""
    return {"base": lib.get_revision(conflict["base_revision_id"])["article"],
            "mine": lib.get_revision(conflict["current_revision_id"])["article"],
            "theirs": conflict["theirs"]}
