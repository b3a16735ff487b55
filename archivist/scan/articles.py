"""Where the articles of a scanned page begin, from its layout: an article is a headline
(a group of title paragraphs: headline, decks) with the body it governs, up to the next
headline; a zone's text before its first headline continues the article before it.

A title inside a zone's body is a subhead, not a new article, when it is a single short
paragraph with body text of its zone on both sides and the zone already had its headline
(a box's subheads 地方銀行, 温州昨日 stand between the columns of one article).
"""
from __future__ import annotations

from archivist.scan.layout import Paragraph

# A subhead is a few characters (4 in the 1930s papers; a modern one may run longer).
SUBHEAD_CHARS = 6


def article_starts(paras: list[Paragraph], marks: list[int]) -> set[int]:
    """Indexes of the paragraphs before which an article begins (marks: the heading level
    each paragraph is given, archivist.scan.layout.heading_marks)."""
    starts: set[int] = set()
    headed: set[int] = set()  # zones whose headline has been seen
    i = 0
    while i < len(paras):
        if not marks[i]:
            i += 1
            continue
        zone = paras[i].zone
        end = i
        while end < len(paras) and marks[end] and paras[end].zone == zone:
            end += 1
        body_before = i > 0 and not marks[i - 1] and paras[i - 1].zone == zone
        body_after = end < len(paras) and not marks[end] and paras[end].zone == zone
        subhead = (end - i == 1 and len(paras[i].text) <= SUBHEAD_CHARS and body_before and body_after
                   and zone in headed)
        if not subhead:
            starts.add(i)
        headed.add(zone)
        i = end
    return starts

