"""Text normalisation shared by the search index, queries, highlights and the recall test.

Every character is normalised on its own (NFKC → OpenCC Traditional→Simplified character
table → lower case), so an offset in the normalised text always maps back to one
character of the original: that is what lets highlights land on the original text.
Phrase-level OpenCC conversion would be nicer prose but could change lengths and is
~50× slower; both the index and the query use the same per-character mapping, so
recall against a substring scan is exact either way.

Two forms come out of the same per-character mapping:

- *plain*: normalised characters, with every non-word character (punctuation, space,
  symbols) turned into BREAK_CHAR. The search is defined as: every query word is a
  substring of the plain text. The recall test checks the index against this.
- *index*: the plain form spelled for FTS5 `unicode61`: every word character becomes a
  token of its own and every run of breaks becomes BREAK_TOKEN, a two-letter token no
  query can produce (queries only produce one-character tokens). Without it a phrase
  would match across punctuation ("青，岛" for 青岛) where the substring scan does not.
"""
from __future__ import annotations

import re
import sqlite3
import unicodedata
from functools import lru_cache

from archivist.text.script import t2s_chars

BREAK_CHAR = "\n"
BREAK_TOKEN = "qq"
# Bump when the mapping or records.search_fields changes: libraries indexed otherwise are re-indexed.
NORM_VERSION = 4  # 3: the character-pair index (article_bigram); 4: db/0006 (no sizes, article_head)

_BREAK_RUN = re.compile(r"(?: qq)+")
_PLAIN_BREAK_RUN = re.compile(BREAK_CHAR + "+")


def is_word_char(ch: str) -> bool:
    """The characters FTS5 unicode61 keeps as token characters (categories L*, N*, Co)."""
    cat = unicodedata.category(ch)
    return cat[0] in "LN" or cat == "Co"


def normalize_char(ch: str) -> str:
    """One original character → its normalised characters (possibly several, or none)."""
    t2s = t2s_chars()
    out = unicodedata.normalize("NFKC", ch)
    out = "".join(t2s.get(c, c) for c in out).lower()
    return out


def _token(ch: str) -> str:
    # SQLite's unicode61 tables stop at Unicode 6.1; characters outside the BMP (CJK
    # extensions B–H among them) are spelled as a hex token so sqlite always keeps them.
    return ch if ord(ch) <= 0xFFFF else f"u{ord(ch):x}"


class _CharTable(dict):
    """A str.translate table filled on first sight of each character (the whole Unicode
    range would take seconds to precompute; a library meets a few thousand)."""

    def __init__(self, index: bool):
        super().__init__()
        self.index = index
        self._uneven: set[str] = set()  # characters whose value is not one character
        self._uneven_re: tuple[int, re.Pattern] | None = None

    def __missing__(self, code: int) -> str:
        value = self._compute(chr(code))
        self[code] = value
        if len(value) != 1:
            self._uneven.add(chr(code))
        return value

    def uneven(self) -> re.Pattern:
        """A pattern matching any character met so far whose value is not one character."""
        if self._uneven_re is None or self._uneven_re[0] != len(self._uneven):
            chars = "".join(re.escape(c) for c in sorted(self._uneven))
            self._uneven_re = (len(self._uneven), re.compile(f"[{chars}]" if chars else "(?!)"))
        return self._uneven_re[1]

    def _compute(self, ch: str) -> str:
        parts = []
        for c in normalize_char(ch):
            if is_word_char(c):
                parts.append(" " + _token(c) if self.index else c)
            else:
                parts.append(" " + BREAK_TOKEN if self.index else BREAK_CHAR)
        return "".join(parts)


_PLAIN = _CharTable(index=False)
_INDEX = _CharTable(index=True)


@lru_cache(maxsize=16)
def plain(text: str) -> str:
    """The normalised text the search is defined on (breaks as BREAK_CHAR). Cached for
    the few texts in flight: indexing and duplicate detection both need an article's."""
    return text.translate(_PLAIN)


_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")
# Index texts of this many characters or more are spelled in numpy (same result; below it
# numpy's per-call cost is more than it saves).
_NUMPY_FROM = 64


def index_text(text: str) -> str:
    """The text as FTS5 should see it: one token per character, breaks as BREAK_TOKEN."""
    norm = plain(text)
    if not norm:
        return ""
    if _ASTRAL.search(norm):  # rare: hex tokens for characters outside the BMP
        return _BREAK_RUN.sub(" " + BREAK_TOKEN, text.translate(_INDEX))
    # Same result as translating with _INDEX, from the cached plain text, in C loops: runs
    # of breaks collapse to one before spacing (cheaper than collapsing " qq qq" after).
    if BREAK_CHAR * 2 in norm:
        norm = _PLAIN_BREAK_RUN.sub(BREAK_CHAR, norm)
    if len(norm) < _NUMPY_FROM:
        return (" " + " ".join(norm)).replace(BREAK_CHAR, BREAK_TOKEN)
    import numpy as np  # noqa: PLC0415 - import only; a search never indexes

    codes = np.frombuffer(norm.encode("utf-32-le"), dtype=np.uint32)
    spaced = np.full((len(codes), 2), ord(" "), dtype=np.uint32)
    spaced[:, 1] = codes
    return spaced.tobytes().decode("utf-32-le").replace(BREAK_CHAR, BREAK_TOKEN)


def query_words(query: str) -> list[str]:
    """The words of a user query in plain form; punctuation and spaces separate words."""
    words = [w for w in plain(query).split(BREAK_CHAR) if w]
    # The same word twice adds nothing to an AND; keep the first occurrence order.
    return list(dict.fromkeys(words))


def fts_phrase(word: str) -> str:
    """A plain word → an FTS5 phrase of one-character tokens. Word characters are letters
    and digits only, so nothing in it can be FTS syntax; the quotes make it a phrase."""
    return '"' + " ".join(_token(c) for c in word) + '"'


# The pair index (article_bigram) holds, for every two consecutive characters of a run of
# PAIR_CHARS, one token of both; any other character ends the run and a run boundary is
# PAIR_BREAK, a one-letter token no pair query produces. So a phrase of a word's
# overlapping pairs matches exactly where the word occurs in the plain text. PAIR_CHARS
# are the characters SQLite's unicode61 surely keeps as token characters and never folds
# (its tables stop at Unicode 6.1); a word with any other character uses article_fts.
PAIR_CHARS = "a-z0-9\u3400-\u4dbf\u4e00-\u9fff"
PAIR_BREAK = "q"
_PAIR_RUN = re.compile(f"[{PAIR_CHARS}]{{2,}}")
_PAIR_WORD = re.compile(f"[{PAIR_CHARS}]{{2,}}")
_PAIR_RANGES = ((0x61, 0x7A), (0x30, 0x39), (0x3400, 0x4DBF), (0x4E00, 0x9FFF))   # PAIR_CHARS


def pair_index_text(text: str) -> str:
    """The text as the pair index should see it: overlapping character pairs, runs apart."""
    norm = plain(text)
    if len(norm) < _NUMPY_FROM:
        runs = _PAIR_RUN.findall(norm)
        return f" {PAIR_BREAK} ".join(" ".join(map(str.__add__, run, run[1:])) for run in runs)
    # The same text built in numpy (an import spends a tenth of its time here otherwise):
    # a slot "xy " for each pair, "xy q " for the last pair of a run, NULs dropped.
    import numpy as np  # noqa: PLC0415

    c = np.frombuffer(norm.encode("utf-32-le"), dtype=np.uint32)
    ok = np.zeros(len(c), dtype=bool)
    for low, high in _PAIR_RANGES:
        ok |= (c - np.uint32(low)) <= np.uint32(high - low)   # wraps below `low`
    starts = np.flatnonzero(ok[:-1] & ok[1:])
    if not len(starts):
        return ""
    slots = np.zeros((len(starts), 5), dtype=np.uint32)
    slots[:, 0], slots[:, 1], slots[:, 2] = c[starts], c[starts + 1], ord(" ")
    run_ends = np.flatnonzero(starts[1:] != starts[:-1] + 1)
    slots[run_ends, 3], slots[run_ends, 4] = ord(PAIR_BREAK), ord(" ")
    return slots.tobytes().decode("utf-32-le").replace("\0", "")[:-1]


def pair_word(word: str) -> bool:
    """True when the pair index can answer `word` (a plain query word) exactly."""
    return _PAIR_WORD.fullmatch(word) is not None


def pair_phrase(word: str) -> str:
    """A pair_word → an FTS5 phrase of its overlapping pairs (letters and digits only)."""
    return '"' + " ".join(map(str.__add__, word, word[1:])) + '"'


def plain_with_offsets(text: str) -> tuple[str, list[int]]:
    """Plain form plus, for each plain character, the offset of the original character it
    came from (len(text) appended as a sentinel). Only the characters whose plain form is
    not one character (… → ..., ligatures, marks NFKC drops) are visited in Python; the
    runs between them are plain ranges (a page of snippets used to take tens of ms)."""
    norm = plain(text)  # fills _PLAIN for every character of the text
    offsets: list[int] = []
    prev = 0
    for m in _PLAIN.uneven().finditer(text):
        i = m.start()
        offsets.extend(range(prev, i))
        offsets.extend([i] * len(_PLAIN[ord(text[i])]))
        prev = i + 1
    offsets.extend(range(prev, len(text)))
    offsets.append(len(text))
    return norm, offsets


def fingerprint() -> str:
    """Changes when anything that shapes the index changes; stored in the library."""
    return f"norm{NORM_VERSION}/unicode{unicodedata.unidata_version}/sqlite{sqlite3.sqlite_version}/t2s{len(t2s_chars())}"
