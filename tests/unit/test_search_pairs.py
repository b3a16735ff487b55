"""The character-pair index (article_bigram) answers exactly what the one-character index
and a substring scan answer, across breaks, Latin, digits and characters it leaves out;
a schema-4 library gains it on open (after a backup) and is re-indexed."""
from __future__ import annotations

import random
import sqlite3

from archivist.store import Library, migrations, normalize, records
from archivist.store.filters import match_expression, match_target
from archivist.store.normalize import pair_index_text, plain, query_words
from archivist.text.decode import Source
from tests.unit.old_schema import undo_edition_and_later

TEXTS = ["青岛啤酒，青岛。啤酒节", "App与5G网络5g", "中\U00020000国 中国x", "ab ba aba bab", "é1 e1 ée", "青 岛",
         "qq q qqq", "ＡｐｐＡＰＰ", "岛啤", "鍾意青島啤酒"]


def _library(folder):
    lib = Library.open(folder, create=True)
    articles = [{"headline": t[:3], "blocks": [{"kind": "paragraph", "text": t}]} for t in TEXTS]
    data = "\n".join(TEXTS).encode()
    lib.import_document(Source("pairs.txt", data, data.decode(), "utf-8", "0" * 64),
                        {"schema": "archivist.split/1", "furniture": [], "articles": articles})
    return lib


def test_pair_index_agrees_with_the_character_index_and_a_scan(tmp_path):
    rng = random.Random(3)
    words = {"青岛", "岛啤", "啤酒节", "app", "5g", "5g网", "中国", "国x", "ab", "aba", "bab", "ba", "qq", "q", "e1",
             "é1", "青岛啤", "島啤", "中\U00020000", "appapp", "pp"}
    for t in TEXTS:
        for _ in range(6):
            s = rng.randrange(len(t))
            words.add(t[s:s + rng.randint(2, 4)])
    with _library(tmp_path / "lib") as lib:
        norms = [plain(t[:3] + "\n" + t) for t in TEXTS]
        for word in sorted(words):
            ws = query_words(word)
            expected = sum(all(w in n for w in ws) for n in norms)
            table = match_target(word).table
            assert lib.search_count(word) == expected, word
            if table == "article_bigram":
                by_chars = lib._conn.execute("SELECT count(*) FROM article_fts WHERE article_fts MATCH ?",
                                             (match_expression(word),)).fetchone()[0]
                assert by_chars == expected, word
    assert pair_index_text("ab，c de") == "ab q de"


def test_schema_4_library_gains_the_pair_index(tmp_path):
    folder = tmp_path / "lib"
    _library(folder).close()
    conn = sqlite3.connect(folder / "library.sqlite")
    conn.execute("DROP TABLE article_bigram")
    conn.execute("DROP TABLE article_head")
    conn.execute("ALTER TABLE revisions DROP COLUMN base_id")  # what migrations after 4 add
    undo_edition_and_later(conn)
    conn.execute("UPDATE meta SET value = 'old' WHERE key = 'search_norm'")
    conn.execute("PRAGMA user_version = 4")
    conn.commit()
    conn.close()
    with Library.open(folder) as lib:
        assert lib.schema_version == migrations.latest_version()
        assert lib.backup_made is not None
        assert lib.search_count("青島啤酒") == lib.search_count("青岛啤酒") == len(lib.search("青岛啤酒")) == 2
        lib._conn.execute("INSERT INTO article_bigram(article_bigram) VALUES ('integrity-check')")
        assert records.indexed_count(lib._conn, "article_bigram") == len(TEXTS)


def test_queries_mixing_pair_words_and_other_words_equal_a_scan(tmp_path):
    """One-character words and words with characters the pair index leaves out (é, an
    astral character, kana) ride along on article_fts; the rest stays on the pair index."""
    queries = ["青岛 é1", "é1 ée", "中国 \U00020000", "中\U00020000国 x", "青岛 2", "5g 网", "啤酒 节 青",
               "app ソ", "ab a", "qq q", "青島 酒", "中国 é1", "\U00020000 国x", "青 岛 啤"]
    with _library(tmp_path / "lib") as lib:
        norms = {i: plain(t[:3] + "\n" + t) for i, t in zip(lib.list_ids(sort="id"), TEXTS)}
        for q in queries:
            ws = query_words(q)
            expected = {i for i, n in norms.items() if all(w in n for w in ws)}
            assert lib.search_count(q) == len(expected), q
            hits = [h.id for h in lib.search(q, limit=50)]
            assert set(hits) == expected and len(hits) == len(expected), q
            for h in lib.search(q, limit=50):
                assert h.highlights or h.headline_highlights, q


def test_long_index_texts_spelled_in_numpy_equal_the_python_spelling():
    """Texts of _NUMPY_FROM characters or more are spelled in numpy: the same tokens as the
    per-run Python spelling (a different text would leave stale entries on delete)."""
    alphabet = list("青岛啤酒节中国abcxyz059，。 \n\t!-é") + ["\u3400", "\u4dbf", "\u9fff", "\u3000", "ｱ", "Ａ", "\U00020000"]
    rng = random.Random(17)
    texts = ["青岛" * 40, "，" * 80, "a" * 70 + "，", "。" + "青" * 70, "青，" * 40, "中国" + "x" * 62]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(60, 400))) for _ in range(300)]
    for text in texts:
        norm = plain(text)
        runs = normalize._PAIR_RUN.findall(norm)
        assert pair_index_text(text) == f" {normalize.PAIR_BREAK} ".join(
            " ".join(map(str.__add__, run, run[1:])) for run in runs), text
        if not normalize._ASTRAL.search(norm):
            collapsed = normalize._PLAIN_BREAK_RUN.sub(normalize.BREAK_CHAR, norm)
            assert normalize.index_text(text) == (" " + " ".join(collapsed)).replace(
                normalize.BREAK_CHAR, normalize.BREAK_TOKEN), text


def test_pair_ranges_are_pair_chars():
    in_ranges = {chr(c) for low, high in normalize._PAIR_RANGES for c in range(low, high + 1)}
    assert in_ranges == {chr(c) for c in range(0x10000) if normalize._PAIR_WORD.fullmatch(chr(c) * 2)}
