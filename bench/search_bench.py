"""Library and search benchmark (issue 4). Prints figures and ratios measured in one run.

    .venv/bin/python bench/search_bench.py --articles 100000

1. Builds a library of generated articles (a quarter of the sentences from the bundled
   sample pages, the rest drawn from jieba's word list by frequency; ~10 articles per
   page, ~1.6 KB each) through Library.import_documents (pages grouped per commit, as
   import_paths does): the store's own import throughput (prepare, index, revisions,
   fixes, near-duplicate MinHash).
2. Imports a few hundred generated page files end to end (read + split + clean + store)
   into a second library: the throughput a user sees (import_paths splits ahead in
   worker processes for this much text), and the splitter's share of it (serial).
3. Runs queries of 1, 2, 3, 4+ characters, multiword and Traditional input: p50/p95 of
   count and of top-50 with snippets; the same count and top-50 through LIKE on a subset;
   recall of the index against a normalised substring scan on a subset.
4. With --scale 10000,100000,500000,1000000: one library grown in those steps; per step
   the store's MB/s, its cost per MB (wall and process CPU, which machine load does not
   inflate) against the first step's, the bytes it read and wrote per MB (system calls,
   page cache included: the I/O work, which no load changes), an end-to-end import of
   --e2e-pages files into that library, WAL and temp-file peaks (bench/diskuse.py); then
   where the database's pages go (dbstat) and the query figures at the last size.
Goals (issue 4): recall 1.0; p95 ≤ 40 ms; ≥ 50× faster than LIKE; import ≥ 2 MB/s;
peak RSS ≤ 300 MB.
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.util
import itertools
import random
import re
import resource
import shutil
import statistics
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import opencc  # noqa: E402

from archivist import ingest  # noqa: E402
from archivist.samples import sample_sentences  # noqa: E402
from archivist.split import split_source  # noqa: E402
from archivist.store import Library  # noqa: E402
from archivist.store.normalize import plain, query_words  # noqa: E402
from archivist.store.records import search_fields, unpack_article  # noqa: E402
from archivist.text.decode import Source  # noqa: E402
from diskuse import DiskSampler, folder_bytes, print_breakdown  # noqa: E402

LATIN = ["5G网络", "GDP增长5.2%", "App", "AI大模型", "WiFi", "NBA", "COVID-19", "A股"]


def sentences() -> list[str]:
    return list(sample_sentences())


class Vocabulary:
    """Words of jieba's dictionary with their frequencies: generated sentences then have a
    newspaper-like spread of common and rare words (recombining the ~150 sample sentences
    alone makes every query match most of the library, which no real archive does)."""

    def __init__(self, rng: random.Random, size: int = 60_000):
        origin = importlib.util.find_spec("jieba").origin
        rows = []
        for line in (Path(origin).parent / "dict.txt").read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) >= 2 and parts[1].isdigit() and re.fullmatch(r"[\u4e00-\u9fff]+", parts[0]):
                rows.append((int(parts[1]), parts[0]))
        rows.sort(reverse=True)
        rows = rows[:size]
        self.words = [w for _, w in rows]
        self.cum = list(itertools.accumulate(f for f, _ in rows))
        self.rng = rng

    def sentence(self) -> str:
        words = self.rng.choices(self.words, cum_weights=self.cum, k=self.rng.randint(8, 22))
        for i in range(self.rng.randint(3, 6), len(words) - 1, self.rng.randint(3, 6)):
            words[i] += "，"
        return "".join(words) + "。"


def make_article(rng: random.Random, pool: list[str], vocab: Vocabulary) -> dict:
    headline = re.sub(r"[，。！？、：；“”《》（）\s,.:;()]", "", rng.choice(pool))[: rng.randint(8, 18)]
    headline = vocab.sentence()[: rng.randint(6, 14)].rstrip("，。") if rng.random() < 0.7 else headline
    blocks = []
    for _ in range(rng.randint(2, 7)):
        para = "".join(rng.choice(pool) if rng.random() < 0.25 else vocab.sentence()
                       for _ in range(rng.randint(2, 4)))
        if rng.random() < 0.2:
            para += f"{rng.choice(LATIN)}，{rng.randint(1, 2030)}。"
        blocks.append({"kind": "paragraph", "text": para})
    return {"headline": headline, "blocks": blocks}


def page_text(articles: list[dict]) -> str:
    parts = []
    for a in articles:
        parts.append(a["headline"])
        parts.extend(b["text"] for b in a["blocks"])
    return "\n\n".join(parts) + "\n"


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


class Builder:
    """Generates and stores pages of articles, continuing where the last call stopped, so a
    --scale run grows one library in steps with the same stream a single build would make."""

    def __init__(self, per_page: int, seed: int):
        self.rng = random.Random(seed)
        self.pool = sentences()
        self.vocab = Vocabulary(self.rng)
        self.per_page = per_page
        self.page = 0        # pages made so far
        self.articles = 0
        self.text_bytes = 0
        self.cpu_s = 0.0     # process CPU time spent storing: what machine load does not inflate
        self.io_bytes = [0, 0]   # bytes read and written by the process while storing (Linux; no load affects them)

    def build_to(self, lib: Library, n_articles: int) -> tuple[int, float]:
        """Store pages until the library holds n_articles generated ones; returns (article
        text bytes, seconds) of this call."""
        start_bytes, elapsed = self.text_bytes, 0.0
        chunk: list[tuple[Source, dict]] = []
        while self.articles < n_articles:
            i = self.page
            articles = [make_article(self.rng, self.pool, self.vocab)
                        for _ in range(min(self.per_page, n_articles - self.articles))]
            self.page += 1
            self.articles += len(articles)
            text = page_text(articles)
            data = text.encode("utf-8")
            source = Source(f"gen-{2000 + i % 25}-{1 + i % 12:02d}-{1 + i % 28:02d}-{i:06d}.txt", data, text,
                            "utf-8", hashlib.sha256(data).hexdigest())
            chunk.append((source, {"schema": "archivist.split/1", "furniture": [], "articles": articles}))
            self.text_bytes += sum(len("\n".join(search_fields(a)).encode("utf-8")) for a in articles)
            if len(chunk) == 500 or self.articles >= n_articles:
                # Timed: what Library.import_documents does with already split pages
                # (prepare, store, index, near-duplicates), pages grouped per commit.
                t, cpu, io = time.perf_counter(), time.process_time(), io_counts()
                report = lib.import_documents(chunk)
                elapsed += time.perf_counter() - t
                self.cpu_s += time.process_time() - cpu
                self.io_bytes = [a + b - c for a, b, c in zip(self.io_bytes, io_counts(), io)]
                assert report.ok, report.failed
                chunk = []
                print(f"  built {self.articles:,}/{n_articles:,} articles, {self.text_bytes / 1e6:.0f} MB",
                      file=sys.stderr, flush=True)
        return self.text_bytes - start_bytes, elapsed


def io_counts() -> tuple[int, int]:
    """Bytes this process has read and written through system calls (page cache included),
    from /proc/self/io; zeros where there is none."""
    try:
        fields = dict(line.split(": ") for line in Path("/proc/self/io").read_text().splitlines())
    except OSError:
        return 0, 0
    return int(fields["rchar"]), int(fields["wchar"])


def build_library(folder: Path, n_articles: int, per_page: int, seed: int) -> tuple[int, float, int]:
    builder = Builder(per_page, seed)
    with Library.open(folder, create=True) as lib:
        text_bytes, elapsed = builder.build_to(lib, n_articles)
        lib._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return text_bytes, elapsed, builder.page


def write_pages(src: Path, pages: int, seed: int) -> float:
    """Generated page files (2–6 articles each) for an end-to-end import; returns their MB."""
    rng = random.Random(seed)
    pool = sentences()
    vocab = Vocabulary(rng)
    src.mkdir(parents=True)
    for i in range(pages):
        (src / f"page-2024-{1 + i % 12:02d}-{1 + i % 28:02d}-{i:05d}.txt").write_text(
            page_text([make_article(rng, pool, vocab) for _ in range(rng.randint(2, 6))]), encoding="utf-8")
    return sum(p.stat().st_size for p in src.iterdir()) / 1e6


def end_to_end(folder: Path, pages: int, seed: int) -> dict:
    src = folder / "pages"
    size = write_pages(src, pages, seed) * 1e6
    t = time.perf_counter()
    split_errors = 0
    for p in sorted(src.iterdir()):
        try:
            split_source(ingest.read_page(p))
        except Exception:  # noqa: BLE001 - a splitter bug is counted, import_paths reports it too
            split_errors += 1
    split_s = time.perf_counter() - t
    with Library.open(folder / "lib", create=True) as lib:
        lib.import_paths([src / sorted(p.name for p in src.iterdir())[0]])  # warm up lazy imports
        t = time.perf_counter()
        report = lib.import_paths([src])
        total_s = time.perf_counter() - t
    return {"mb": size / 1e6, "split_s": split_s, "total_s": total_s, "articles": report.articles,
            "failed": report.failed, "split_errors": split_errors}


def make_queries(lib: Library, n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    ids = lib.list_ids(sort="id")
    texts = []
    for i in rng.sample(ids, min(400, len(ids))):
        texts.append("\n".join(search_fields(lib.get_article(i))))

    def piece(k: int) -> str:
        while True:
            t = rng.choice(texts)
            start = rng.randrange(max(1, len(t) - k))
            s = t[start:start + k]
            if len(query_words(s)) == 1 and len(query_words(s)[0]) == k:
                return s

    t2 = opencc.OpenCC("s2t")
    per = n // 8
    qs = [piece(1) for _ in range(per)] + [piece(2) for _ in range(2 * per)] + [piece(3) for _ in range(per)]
    qs += [piece(rng.randint(4, 8)) for _ in range(per)]
    qs += [f"{piece(2)} {piece(2)}" for _ in range(per)]
    qs += [t2.convert(piece(rng.randint(2, 4))) for _ in range(per)]
    qs += [rng.choice(LATIN) for _ in range(n - len(qs))]
    return qs


def like_pattern(q: str) -> str:
    return "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def ms(fn, *args, **kwargs) -> float:
    """Milliseconds one call of fn takes."""
    t = time.perf_counter()
    fn(*args, **kwargs)
    return (time.perf_counter() - t) * 1000


def run_queries(lib: Library, queries: list[str], like_n: int, recall_n: int) -> dict:
    conn = lib._conn
    count_ms, top_ms = [], []
    for q in queries:
        count_ms.append(ms(lib.search_count, q))
        top_ms.append(ms(lib.search, q, limit=50))
    # LIKE over the stored article text: what a library without an index would do (the
    # revisions are stored compressed, so each row is unpacked for it, as it would have to be).
    subset = queries[:: max(1, len(queries) // like_n)][:like_n]
    like_count, like_top, fts_count_sub, fts_top_sub = [], [], [], []
    conn.create_function("unpacked", 1, lambda v: zlib.decompress(v).decode("utf-8") if isinstance(v, bytes) else v,
                         deterministic=True)
    base = ("FROM articles a JOIN revisions r ON r.id = a.current_revision_id"
            " WHERE a.trashed_at IS NULL AND unpacked(r.article) LIKE ? ESCAPE '\\'")
    for q in subset:
        pattern = like_pattern(q.split()[0])
        like_count.append(ms(lambda p=pattern: conn.execute(f"SELECT count(*) {base}", (p,)).fetchone()))
        like_top.append(ms(lambda p=pattern: conn.execute(f"SELECT a.id, r.article {base} ORDER BY a.date DESC LIMIT 50",
                                                          (p,)).fetchall()))
        fts_count_sub.append(ms(lib.search_count, q))
        fts_top_sub.append(ms(lib.search, q, limit=50))
    # Recall: the index against a normalised substring scan, streaming the library once.
    rq = queries[:: max(1, len(queries) // recall_n)][:recall_n]
    words = [query_words(q) for q in rq]
    scan = [0] * len(rq)
    for (body,) in conn.execute("SELECT r.article FROM articles a JOIN revisions r ON r.id = a.current_revision_id"
                                " WHERE a.trashed_at IS NULL"):
        norm = plain("\n".join(search_fields(unpack_article(body))))
        for k, ws in enumerate(words):
            if all(w in norm for w in ws):
                scan[k] += 1
    found = [lib.search_count(q) for q in rq]
    recall_ok = sum(1 for a, b in zip(found, scan) if a == b)
    return {"count_ms": count_ms, "top_ms": top_ms, "like_count": like_count, "like_top": like_top,
            "fts_count_sub": fts_count_sub, "fts_top_sub": fts_top_sub,
            "recall": (recall_ok, len(rq), sum(scan))}


def print_queries(stats: dict, text_bytes: int, queries: list[str], r: dict) -> None:
    ok, n_recall, _ = r["recall"]
    like_c, fts_c = statistics.median(r["like_count"]), statistics.median(r["fts_count_sub"])
    like_t, fts_t = statistics.median(r["like_top"]), statistics.median(r["fts_top_sub"])
    print(f"index size                   {stats['index_bytes'] / 1e6:.1f} MB = "
          f"{stats['index_bytes'] / text_bytes:.2f}× the article text")
    print(f"queries                      {len(queries)} (1/2/3/4-8 chars, multiword, Traditional, Latin)")
    print(f"count         p50 {pct(r['count_ms'], 50):6.1f} ms   p95 {pct(r['count_ms'], 95):6.1f} ms")
    print(f"top-50+snip   p50 {pct(r['top_ms'], 50):6.1f} ms   p95 {pct(r['top_ms'], 95):6.1f} ms")
    print(f"LIKE ({len(r['like_count'])} q)   count p50 {like_c:.0f} ms vs FTS {fts_c:.1f} ms → {like_c / fts_c:.0f}×;"
          f" top-50 p50 {like_t:.0f} ms vs FTS {fts_t:.1f} ms → {like_t / fts_t:.0f}×")
    print(f"recall vs substring scan     {ok}/{n_recall} queries exact ({ok / n_recall:.2f})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--per-page", type=int, default=10)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--like-queries", type=int, default=20)
    ap.add_argument("--recall-queries", type=int, default=40)
    ap.add_argument("--e2e-pages", type=int, default=1500)  # ~10 MB: worker start-up is a small share
    ap.add_argument("--keep", metavar="DIR", help="build the library here and keep it")
    ap.add_argument("--reuse", action="store_true",
                    help="with --keep: query the library already built there (no import figures)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scale", metavar="N,N,…",
                    help="build one library in steps to these sizes (e.g. 10000,100000,500000,1000000): the"
                         " import curve per step, disk use, then the query figures at the last size")
    args = ap.parse_args()
    if args.scale:
        return scale_main(args)

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="archivist-bench-"))
    try:
        if args.reuse:
            with Library.open(work / "lib") as lib:
                text_bytes = sum(len("\n".join(search_fields(unpack_article(a))).encode("utf-8")) for (a,) in
                                 lib._conn.execute("SELECT r.article FROM articles a JOIN revisions r"
                                                   " ON r.id = a.current_revision_id"))
                pages = lib.stats()["sources"]
            store_s = e2e = None
        else:
            print(f"building {args.articles:,} articles in {work} …", file=sys.stderr)
            text_bytes, store_s, pages = build_library(work / "lib", args.articles, args.per_page, args.seed)
            shutil.rmtree(work / "e2e", ignore_errors=True)
            e2e = end_to_end(work / "e2e", args.e2e_pages, args.seed + 1)
        with Library.open(work / "lib") as lib:
            stats = lib.stats()
            queries = make_queries(lib, args.queries, args.seed + 2)
            r = run_queries(lib, queries, args.like_queries, args.recall_queries)
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        db_mb = (work / "lib" / "library.sqlite").stat().st_size / 1e6
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    mb = text_bytes / 1e6
    print(f"articles                     {stats['articles']:,} on {pages:,} pages; article text {mb:.1f} MB")
    if store_s is not None:
        print(f"store import (index+dedupe)  {mb / store_s:.2f} MB/s  ({store_s:.0f} s, "
              f"{stats['articles'] / store_s:,.0f} articles/s)")
        print(f"end-to-end import            {e2e['mb'] / e2e['total_s']:.2f} MB/s on {e2e['mb']:.1f} MB "
              f"({e2e['articles']} articles); read+split+clean alone {e2e['mb'] / e2e['split_s']:.2f} MB/s")
        for path, reason in e2e["failed"]:
            print(f"  end-to-end import failed: {Path(path).name}: {reason}")
    print(f"database                     {db_mb:,.0f} MB")
    print_queries(stats, text_bytes, queries, r)
    print(f"peak RSS                     {rss_mb:.0f} MB")
    return 0


def scale_step(lib: Library, builder: Builder, n: int, work: Path, e2e_pages: int, seed: int) -> dict:
    """One step of --scale: store up to n articles, then import e2e_pages page files end
    to end into the same library (its size then is what an import meets)."""
    with DiskSampler(lib.folder) as disk:
        cpu, io = builder.cpu_s, list(builder.io_bytes)
        store_bytes, store_s = builder.build_to(lib, n)
        cpu = builder.cpu_s - cpu
        io = [b - a for a, b in zip(io, builder.io_bytes)]
        src = work / f"e2e-{n}"
        shutil.rmtree(src, ignore_errors=True)
        e2e_mb = write_pages(src, e2e_pages, seed)
        t = time.perf_counter()
        report = lib.import_paths([src])
        e2e_s = time.perf_counter() - t
        disk.sample()
    shutil.rmtree(src, ignore_errors=True)
    return {"n": n, "mb": store_bytes / 1e6, "store_s": store_s, "cpu_s": cpu, "io": io, "e2e_mb": e2e_mb, "e2e_s": e2e_s,
            "e2e_failed": report.failed, "wal_peak": disk.wal_peak, "temp_peak": disk.temp_peak,
            "temp_names": len(disk.temp_names), "lib_bytes": folder_bytes(lib.folder),
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def scale_main(args) -> int:
    sizes = [int(n) for n in args.scale.split(",")]
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="archivist-bench-"))
    steps = []
    try:
        builder = Builder(args.per_page, args.seed)
        print(f"building {sizes[-1]:,} articles in steps {sizes} in {work} …", file=sys.stderr)
        with Library.open(work / "lib", create=True) as lib:
            lib.import_paths([])  # lazy imports loaded before anything is timed
            for k, n in enumerate(sizes):
                steps.append(scale_step(lib, builder, n, work, args.e2e_pages, args.seed + 1000 + k))
                print(scale_line(steps), flush=True)
            lib._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            stats = lib.stats()
            queries = make_queries(lib, args.queries, args.seed + 2)
            r = run_queries(lib, queries, args.like_queries, args.recall_queries)
        print_breakdown(work / "lib" / "library.sqlite", builder.text_bytes, stats["articles"])
        print_queries(stats, builder.text_bytes, queries, r)
        print(f"peak disk                    library {max(s['lib_bytes'] for s in steps) / 1e6:,.0f} MB,"
              f" WAL peak {max(s['wal_peak'] for s in steps) / 1e6:,.1f} MB,"
              f" temp files peak {max(s['temp_peak'] for s in steps) / 1e6:,.1f} MB")
        print(f"peak RSS                     {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def scale_line(steps: list[dict]) -> str:
    s, first = steps[-1], steps[0]
    ratio = (s["store_s"] / s["mb"]) / (first["store_s"] / first["mb"])
    cpu_ratio = (s["cpu_s"] / s["mb"]) / (first["cpu_s"] / first["mb"])
    failed = f", {len(s['e2e_failed'])} e2e files failed" if s["e2e_failed"] else ""
    return (f"step to {s['n']:>9,}: store {s['mb'] / s['store_s']:.2f} MB/s ({s['mb']:,.0f} MB in {s['store_s']:,.0f} s,"
            f" cost/MB {ratio:.2f}× the first step's; CPU {s['cpu_s'] / s['mb']:.2f} s/MB, {cpu_ratio:.2f}×;"
            f" read {s['io'][0] / 1e6 / s['mb']:.0f} / written {s['io'][1] / 1e6 / s['mb']:.0f} MB per MB);"
            f" end-to-end {s['e2e_mb'] / s['e2e_s']:.2f} MB/s"
            f" on {s['e2e_mb']:.1f} MB; library {s['lib_bytes'] / 1e6:,.0f} MB, WAL peak {s['wal_peak'] / 1e6:,.1f} MB,"
            f" temp files peak {s['temp_peak'] / 1e6:,.1f} MB ({s['temp_names']} seen); RSS {s['rss_mb']:.0f} MB{failed}")


if __name__ == "__main__":
    sys.exit(main())
