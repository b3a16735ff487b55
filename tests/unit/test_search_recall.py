"""Search returns exactly what a plain normalised substring scan finds, for every kind of
query; anything a user types is safe; highlights point at the matched original text."""
from __future__ import annotations

import random

import pytest

from archivist.store import ArticleFilter, Library, find_matches, normalize, search
from archivist.store.normalize import BREAK_CHAR, plain, query_words
from archivist.store.records import search_fields
from tests.unit.store_pages import LATIN, SAMPLES, to_traditional, write_pages


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    folder = tmp_path_factory.mktemp("recall")
    write_pages(folder / "pages", 60, seed=7)
    lib = Library.open(folder / "lib", create=True)
    report = lib.import_paths([folder / "pages", SAMPLES])
    assert report.ok and report.articles > 50
    yield lib
    lib.close()


@pytest.fixture(scope="module")
def corpus(library):
    """article id → (original text, plain normalised text) as the scan sees it."""
    out = {}
    for article_id in library.list_ids():
        head, body = search_fields(library.get_article(article_id))
        original = head + "\n" + body
        out[article_id] = (original, plain(original))
    return out


def scan(corpus, query: str) -> set[int]:
    words = query_words(query)
    if not words:
        return set()
    return {i for i, (_, norm) in corpus.items() if all(w in norm for w in words)}


def make_queries(corpus) -> list[str]:
    rng = random.Random(11)
    texts = [orig for orig, _ in corpus.values()]
    queries: list[str] = []

    def piece(n: int) -> str:
        while True:
            t = rng.choice(texts)
            if len(t) > n:
                start = rng.randrange(len(t) - n)
                s = t[start:start + n]
                if BREAK_CHAR not in s and s.strip():
                    return s

    for n, k in ((1, 40), (2, 50), (3, 40), (4, 25), (6, 15), (10, 10)):
        queries += [piece(n) for _ in range(k)]
    queries += [f"{piece(2)} {piece(3)}" for _ in range(20)]           # multiword AND
    queries += [f"{piece(1)}  {piece(4)}  {piece(2)}" for _ in range(5)]
    queries += [to_traditional(piece(n)) for n in (2, 2, 3, 3, 4, 4, 5, 6, 8, 2, 3, 4)]  # Traditional input
    queries += LATIN + ["gdp", "5.2%", "2024", "024年", "ai", "app", "5g网络", "Ａｐｐ", "２０２４"]  # Latin/digits
    queries += ["没有这种字符串", "鍾意", "zzzz", "青岛，城市", "青岛 -城市"]
    return queries


def test_search_equals_substring_scan(library, corpus):
    queries = make_queries(corpus)
    assert len(queries) >= 200
    mismatches = []
    for q in queries:
        expected = scan(corpus, q)
        got = set(library.list_ids(ArticleFilter(query=q)))
        count = library.search_count(q)
        # search() builds snippets; the ranked list beyond the first page is list_ids's job.
        hits = {h.id for h in library.search(q, limit=10_000)} if len(expected) <= 30 else got
        if not (got == hits == expected and count == len(expected)):
            mismatches.append((q, len(expected), len(got), len(hits), count))
    assert not mismatches, mismatches[:10]
    assert sum(1 for q in queries if scan(corpus, q)) > 180  # the queries do find things


def test_traditional_and_simplified_find_each_other(library):
    simplified = {h.id for h in library.search("国际友城", limit=1000)}
    assert simplified and simplified == {h.id for h in library.search("國際友城", limit=1000)}
    # generated pages include Traditional-script articles: a Simplified query finds them too
    trad_only = [i for i in library.list_ids() if "國" in library.get_article(i)["blocks"][0]["text"]]
    assert trad_only
    head = library.get_article(trad_only[0])["blocks"][0]["text"]
    simp = "".join(query_words(head[:6]))
    assert trad_only[0] in {h.id for h in library.search(simp, limit=1000)}


HOSTILE = ['"', '""', "*", "青岛*", "NEAR(青岛 城市)", "NEAR", "-", "-青岛", "()", "(青岛", "AND", "OR", "NOT",
           "青岛 AND 城市", "青岛 OR", "^青岛", "headline:青岛", "body : 城市", "'", "' OR 1=1 --", "%", "_",
           "\\", "{}", "[]", "；", "…", "\x00", "\ud800", "\U0001F600", "𠀀", "青" * 5000, "a b " * 2000,
           "\n\t", "", "   ", "青岛\"城市", 'x" OR "y', "$", "||", "`rm -rf`", "\u200b青岛"]


@pytest.mark.parametrize("query", HOSTILE, ids=range(len(HOSTILE)))
def test_anything_typed_is_safe(library, corpus, query):
    expected = scan(corpus, query)
    assert {h.id for h in library.search(query, limit=10_000)} == expected
    assert library.search_count(query) == len(expected)
    assert set(library.list_ids(ArticleFilter(query=query), sort="relevance")) == expected


def test_filters_apply_to_search(library):
    ids = library.list_ids()
    library.tag(ids[:10], "测试/一")
    try:
        tagged = {h.id for h in library.search("的", ArticleFilter(tags=["测试"]), limit=1000)}
        assert tagged and tagged <= set(ids[:10])
        assert library.search_count("的", ArticleFilter(tags=["测试"])) == len(tagged)
        by_date = library.search("的", sort="date", limit=1000)
        dates = [h.date or "" for h in by_date]
        assert dates == sorted(dates, reverse=True)
    finally:
        library.delete_tag("测试")


def test_highlights_are_on_the_original_text(library, corpus):
    for q in ("青岛", "國際", "gdp", "城市 发展"):
        words = query_words(q)
        for hit in library.search(q, limit=20):
            assert hit.highlights or hit.headline_highlights
            for s, e in hit.highlights:
                assert "".join(query_words(hit.snippet[s:e])) in words or plain(hit.snippet[s:e]) in words
            for s, e in hit.headline_highlights:
                assert plain(hit.headline[s:e]) in words


def test_find_matches_maps_back_through_normalisation():
    text = "臺灣的ＧＤＰ與青島"
    assert find_matches(text, "台湾") == [(0, 2)]
    assert find_matches(text, "gdp") == [(3, 6)]
    assert find_matches(text, "青岛 gdp") == [(3, 6), (7, 9)]
    assert find_matches(text, "*") == []


def test_fast_index_text_equals_the_per_character_table():
    rng = random.Random(5)
    chars = "青岛啤酒國際，。 \n\tABCabc123①㈱ßİ𠀀𫝈é\u0301-*\"()"
    for _ in range(5000):
        text = "".join(rng.choice(chars) for _ in range(rng.randint(0, 30)))
        want = normalize._BREAK_RUN.sub(" " + normalize.BREAK_TOKEN, text.translate(normalize._INDEX))
        assert normalize.index_text(text) == want


def test_relevance_pages_are_consistent_and_headline_hits_come_first(library):
    # Mixed queries: the pair index for the long words, article_fts for "2" and "的".
    for q in ("青岛", "的", "国际 城市", "gdp", "GDP增长5.2%", "青岛 的"):
        everything = [h.id for h in library.search(q, limit=10_000)]
        assert len(everything) == len(set(everything)) == library.search_count(q)
        assert library.list_ids(ArticleFilter(query=q), sort="relevance") == everything  # the GUI's order
        pages = [h.id for off in range(0, len(everything), 7) for h in library.search(q, limit=7, offset=off)]
        assert pages == everything
        words = query_words(q)
        heads = [plain(search_fields(library.get_article(i))[0]) for i in everything]
        in_head = [all(w in head for w in words) for head in heads]
        assert in_head == sorted(in_head, reverse=True)


def test_snippets_from_the_leading_text_equal_snippets_from_the_whole(corpus):
    rng = random.Random(23)
    texts = [orig for orig, _ in corpus.values()]
    long_texts = [t * 3 for t in texts[:40]]  # long enough for the shortcut to apply
    for text in texts[:80] + long_texts:
        for _ in range(6):
            start = rng.randrange(len(text))
            query = text[start:start + rng.choice([1, 2, 3, 5])]
            if rng.random() < 0.2:
                query += " " + rng.choice(texts)[:2]
            assert search.make_snippet(text, search._leading_matches(text, query)) == \
                search.make_snippet(text, search.find_matches(text, query)), query
    text = "前" * 590 + "青岛…青岛" + "后" * 900  # a match near the prefix's end, a 3-character "…"
    for query in ("青岛", "…", "前青", "前", "后"):
        assert search.make_snippet(text, search._leading_matches(text, query)) == \
            search.make_snippet(text, search.find_matches(text, query))
    text = "甲" * 300 + "哈" * 700 + "乙" * 300  # adjacent matches merge into one long span
    for query in ("哈", "哈哈", "甲哈", "乙"):
        assert search.make_snippet(text, search._leading_matches(text, query)) == \
            search.make_snippet(text, search.find_matches(text, query))
