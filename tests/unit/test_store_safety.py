"""The library never loses or corrupts what is in it: crashes, concurrent writers,
hostile files, schema migrations, libraries from a newer version."""
from __future__ import annotations

import hashlib
import multiprocessing
import os
import random
import signal
import sqlite3

import pytest

from archivist import ingest
from archivist.split import split_source
from archivist.store import Library, LibraryBusy, LibraryTooNew, duplicates, migrations, records, priority, splitpool
from tests.unit.store_pages import SAMPLES, write_pages

# Children are forked from this process, which has the store and splitter imported
# already: a kill test costs milliseconds per round instead of a Python start-up.
FORK = multiprocessing.get_context("fork")


@pytest.fixture(autouse=True)
def _preload_minhash():
    duplicates.minhash("预热" * 50)  # numpy loaded once here, not in every child


def expected_articles(paths) -> dict[str, int]:
    """sha256 → how many articles the file gives (the splitter is deterministic)."""
    out = {}
    for p in paths:
        source = ingest.read_page(p)
        out[source.sha256] = len(split_source(source)["articles"])
    return out


def check_consistent(folder, expected: dict[str, int]) -> int:
    """integrity_check ok; each stored file has all its articles, each with its revision
    and index entry. Returns the number of files in."""
    with Library.open(folder) as lib:
        conn = lib._conn
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.execute("INSERT INTO article_fts(article_fts) VALUES ('integrity-check')")
        for sha, n in conn.execute("SELECT s.sha256, count(a.id) FROM sources s LEFT JOIN articles a"
                                   " ON a.source_id = s.id GROUP BY s.id"):
            assert n == expected[sha], "a file is only partly in the library"
        assert conn.execute("SELECT count(*) FROM articles WHERE current_revision_id IS NULL").fetchone()[0] == 0
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert records.indexed_count(conn) == records.indexed_count(conn, "article_bigram") == articles
        return conn.execute("SELECT count(*) FROM sources").fetchone()[0]


def _import_child(folder, pages, pipe, busy_timeout=10.0):
    """Import and tell the parent about every step: before each file (progress) and
    between articles inside a file's transaction (cancel is asked there)."""
    def progress(done, total, message):
        pipe.send("file")

    def cancel():
        pipe.send("article")
        return False

    try:
        with Library.open(folder, create=True, busy_timeout=busy_timeout) as lib:
            report = lib.import_paths([pages], progress=progress, cancel=cancel)
        pipe.send(("done", len(report.imported), len(report.failed)))
    except LibraryBusy as exc:
        pipe.send(("busy", str(exc)))
    os._exit(0)


def test_sigkill_during_import_leaves_whole_files_only(tmp_path):
    pages = tmp_path / "pages"
    paths = write_pages(pages, 24, seed=5)
    expected = expected_articles(paths)
    rng = random.Random(2024)
    kills = 0
    for round_ in range(24):
        folder = tmp_path / f"lib{round_ // 8}"
        parent_end, child_end = FORK.Pipe(duplex=False)
        child = FORK.Process(target=_import_child, args=(folder, pages, child_end))
        child.start()
        child_end.close()
        want = rng.choice(["file", "article"])
        steps = rng.randint(1, 6)
        seen = 0
        while True:
            try:
                msg = parent_end.recv()
            except EOFError:
                break
            if isinstance(msg, tuple):
                break
            seen += msg == want
            if seen >= steps:
                os.kill(child.pid, signal.SIGKILL)
                kills += 1
                break
        child.join()
        parent_end.close()
        check_consistent(folder, expected)
    assert kills >= 20
    for n in range(3):  # re-import completes every library, with no duplicates
        folder = tmp_path / f"lib{n}"
        with Library.open(folder) as lib:
            report = lib.import_paths([pages])
            assert report.ok
            assert lib.stats()["sources"] == len(paths)
            assert lib.count() == sum(expected.values())
        assert check_consistent(folder, expected) == len(paths)


def test_two_processes_writing_at_once(tmp_path):
    a = write_pages(tmp_path / "a", 8, seed=1)
    b = write_pages(tmp_path / "b", 8, seed=2)
    expected = expected_articles(a + b)
    folder = tmp_path / "lib"
    Library.open(folder, create=True).close()
    results = []
    children = []
    for pages, timeout in ((tmp_path / "a", 10.0), (tmp_path / "b", 10.0)):
        parent_end, child_end = FORK.Pipe(duplex=False)
        child = FORK.Process(target=_import_child, args=(folder, pages, child_end, timeout))
        child.start()
        child_end.close()
        children.append((child, parent_end))
    for child, pipe in children:
        msg = None
        while True:
            try:
                msg = pipe.recv()
            except EOFError:
                break
            if isinstance(msg, tuple):
                results.append(msg)
        child.join()
        assert child.exitcode == 0
    assert len(results) == 2
    for result in results:
        assert result[0] == "done" or (result[0] == "busy" and "busy" in result[1])
    done = [r for r in results if r[0] == "done"]
    assert all(r[2] == 0 for r in done)
    in_library = check_consistent(folder, expected)
    assert in_library >= sum(r[1] for r in done)
    with Library.open(folder) as lib:
        assert lib.import_paths([tmp_path / "a", tmp_path / "b"]).ok
    assert check_consistent(folder, expected) == len(a) + len(b)


def test_a_writer_that_cannot_get_the_lock_gets_library_busy(tmp_path):
    folder = tmp_path / "lib"
    with Library.open(folder, create=True) as lib:
        lib.import_paths([SAMPLES / "qingdao-daily-2024-11-02.txt"])
    holder = sqlite3.connect(folder / "library.sqlite", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with Library.open(folder, busy_timeout=0.05) as lib:
            assert lib.count() > 0  # readers are not blocked by a writer (WAL)
            with pytest.raises(LibraryBusy, match="busy"):
                lib.tag([1], "x")
            report = None
            with pytest.raises(LibraryBusy):
                report = lib.import_paths([SAMPLES / "bandao-web-2024-12-24.txt"])
            assert report is None
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with Library.open(folder) as lib:
        assert lib.all_tags() == [] and lib.stats()["sources"] == 1


def library_fingerprint(folder) -> str:
    conn = sqlite3.connect(folder / "library.sqlite")
    try:
        # Every real table's rows (the FTS tables' shadow tables hold the index); the
        # virtual tables themselves cannot be scanned.
        parts = []
        for name, sql in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name"):
            if sql.startswith("CREATE VIRTUAL TABLE") or name == "meta":
                continue
            rows = conn.execute(f'SELECT * FROM "{name}"').fetchall()
            parts.append(f"{sql}\n{sorted(map(repr, rows))}")
        dump = "\n".join(parts)
        dump += repr(list(conn.execute("SELECT * FROM meta WHERE key != 'search_norm' ORDER BY key")))
    finally:
        conn.close()
    files = sorted(str(p.relative_to(folder)) for p in (folder / "files").rglob("*")) if (folder / "files").exists() else []
    return hashlib.sha256((dump + repr(files)).encode()).hexdigest()


def test_hostile_inputs_each_fail_once_and_change_nothing(tmp_path):
    folder = tmp_path / "lib"
    with Library.open(folder, create=True) as lib:
        lib.import_paths([SAMPLES / "qingdao-daily-2024-11-02.txt"])
    before = library_fingerprint(folder)
    bad = tmp_path / "bad"
    bad.mkdir()
    cases = {
        "empty.txt": b"",
        "binary.txt": bytes(range(256)) * 20,
        "random.txt": bytes(random.Random(1).randrange(128, 256) for _ in range(3000)),
        "latin1.txt": "Ceci n'est pas du chinois: été, garçon, déjà vu. ".encode("latin-1") * 20,
        "nul.txt": "青岛新闻\x00啤酒".encode() * 40,
        "utf8-surrogate.txt": "青岛".encode() + b"\xed\xa0\x80" + "啤酒".encode() * 50,
        "utf16-lone-surrogate.txt": b"\xff\xfe" + "青岛".encode("utf-16-le") + b"\x00\xd8" + "啤酒新闻".encode("utf-16-le") * 30,
        "control.txt": ("青岛\x01\x02\x03\x04啤酒" * 100).encode(),
        "whitespace.txt": b" \n\t\n  \r\n",
        "one-line-50mb.txt": "青岛啤酒节开幕".encode() * (50_000_000 // 21),
        "picture.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 100,
        'odd "名字" *?\n\\.txt': b"",
        os.fsdecode(b"bad-\xff\xfe-name.txt"): b"\x00\x01\x02",
    }
    for name, data in cases.items():
        (bad / name).write_bytes(data)
    with Library.open(folder) as lib:
        report = lib.import_paths(sorted(bad.iterdir()))
    assert not report.imported and not report.skipped
    assert len(report.failed) == len(cases)
    for path, reason in report.failed:
        assert reason and "\n" not in reason and "Traceback" not in reason, (path, reason)
        path.encode("utf-8")  # printable, even for a name that is not UTF-8 on disk
    assert library_fingerprint(folder) == before


def test_odd_file_names_with_good_content_import(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    text = (SAMPLES / "qingdao-daily-2024-11-02.txt").read_bytes()
    odd = folder / 'odd "名字" -rf $(x) 😀.txt'
    odd.write_bytes(text)
    (folder / os.fsdecode(b"gbk-\xc7\xe0\xb5\xba.txt")).write_bytes(text + b"\n")
    with Library.open(tmp_path / "lib", create=True) as lib:
        report = lib.import_paths([folder])
        assert len(report.imported) == 2 and report.ok
        names = {lib.source(i)["filename"] for i in (1, 2)}
    assert odd.name in names and any(n.startswith("gbk-") for n in names)


def make_v1_library(folder):
    folder.mkdir()
    path = folder / "library.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.apply(conn, path, upto=1)
    conn.execute("INSERT INTO meta VALUES ('library_id', 'v1-lib')")
    conn.execute("INSERT INTO sources(id, sha256, filename, path, stored_path, size, encoding, text, imported_at)"
                 " VALUES (1, 'abc', 'old.txt', '/old.txt', 'files/ab/abc.txt', 3, 'utf-8', '旧文本', 'then')")
    conn.execute("INSERT INTO articles(id, source_id, position, headline, created_at, updated_at, current_revision_id)"
                 " VALUES (1, 1, 0, '旧的标题', 'then', 'then', 1)")
    conn.execute("""INSERT INTO revisions(id, article_id, author, created_at, article) VALUES
                    (1, 1, 'import', 'then', '{"headline": "旧的标题", "blocks": [{"kind": "paragraph", "text": "青島舊聞"}]}')""")
    conn.close()
    return path


def test_migration_from_version_1_makes_a_backup_first(tmp_path):
    folder = tmp_path / "lib"
    path = make_v1_library(folder)
    assert migrations.read_version(path) == 1
    with Library.open(folder) as lib:
        assert lib.schema_version == migrations.latest_version() >= 2
        assert lib.backup_made is not None and lib.backup_made.parent == folder / "backups"
        assert lib.library_id == "v1-lib"
        article = lib.get_article(1)
        assert article["headline"] == "旧的标题" and article["duplicate_of"] is None
        assert [h.id for h in lib.search("青岛旧闻")] == [1]  # index rebuilt for the new code
    backup = sqlite3.connect(lib.backup_made)
    try:
        assert backup.execute("PRAGMA user_version").fetchone()[0] == 1
        assert backup.execute("SELECT headline FROM articles").fetchall() == [("旧的标题",)]
    finally:
        backup.close()
    with Library.open(folder) as lib:
        assert lib.backup_made is None  # nothing to migrate the second time


def test_a_library_from_a_newer_version_is_refused_untouched(tmp_path):
    folder = tmp_path / "lib"
    Library.open(folder, create=True).close()
    conn = sqlite3.connect(folder / "library.sqlite")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    with pytest.raises(LibraryTooNew, match="newer archivist"):
        Library.open(folder)
    with pytest.raises(LibraryTooNew):
        Library.open(folder, readonly=True)
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before


def test_split_ahead_workers_import_what_a_serial_import_does(tmp_path, monkeypatch):
    pages = tmp_path / "pages"
    paths = write_pages(pages, 8, seed=11)
    (pages / "page-2024-05-05-0099.txt").write_bytes(b"\x00\x01" * 50)   # fails, in the middle
    paths[2].with_name("copy-of-2.txt").write_bytes(paths[2].read_bytes())  # same bytes: skipped
    with Library.open(tmp_path / "serial", create=True) as lib:
        lib.import_workers = 1
        want = lib.import_paths([pages])
        want_articles = sorted(r[0] for r in lib._conn.execute("SELECT article FROM revisions"))
    monkeypatch.setattr(splitpool, "MIN_BYTES", 0)
    steps = []
    with Library.open(tmp_path / "ahead", create=True) as lib:
        lib.import_workers = 2
        first = lib.import_paths([paths[0]])   # then skipped as already in
        got = lib.import_paths([pages], progress=lambda done, total, message: steps.append(done))
        assert sorted(r[0] for r in lib._conn.execute("SELECT article FROM revisions")) == want_articles
    assert got.failed == want.failed and len(got.failed) == 1
    assert got.articles == want.articles - first.articles
    assert len(got.skipped) == len(want.skipped) + 1
    # The file already in is skipped unread, without a step of its own (a resumed import of a
    # back catalogue would print thousands); the resume message comes first, at 0.
    files = sorted(pages.iterdir())
    assert steps == [0] + [i for i in range(10) if files[i] != paths[0]] + [10]
    check_consistent(tmp_path / "ahead", expected_articles(paths))


def test_split_ahead_gives_up_on_a_killed_worker_and_leaves_no_process(tmp_path, monkeypatch):
    monkeypatch.setattr(splitpool, "MIN_BYTES", 0)
    paths = write_pages(tmp_path / "pages", 10, seed=5)
    with splitpool.SplitAhead(paths, 10**8, lambda sha256: False, workers=2) as ahead:
        processes = [w.process for w in ahead._workers]
        victim = ahead._workers[0]
        sent_to_victim = list(victim.jobs)
        victim.process.kill()   # before it could answer anything: it is still starting
        victim.process.join()
        got = {path: ahead.get(path) for path in paths}
    assert sent_to_victim and all(got[p] is None for p in sent_to_victim)   # the importer does these itself
    for path in set(paths) - set(sent_to_victim):   # the other worker took over the rest
        source, doc, _prepared = got[path]
        assert doc == split_source(ingest.read_page(path))
    assert not any(p.is_alive() for p in processes)


@pytest.mark.skipif(not hasattr(os, "getpriority"), reason="niceness is a POSIX notion")
def test_split_ahead_workers_run_below_the_user_s_programs(tmp_path, monkeypatch):
    monkeypatch.setattr(splitpool, "MIN_BYTES", 0)
    paths = write_pages(tmp_path / "pages", 6, seed=7)
    mine = os.getpriority(os.PRIO_PROCESS, 0)
    with splitpool.SplitAhead(paths, 10**8, lambda sha256: False, workers=2) as ahead:
        assert ahead.get(paths[0]) is not None   # the workers are up and have answered
        niceness = [os.getpriority(os.PRIO_PROCESS, w.process.pid) for w in ahead._workers]
    assert niceness == [max(mine, priority.NICENESS)] * 2
    assert os.getpriority(os.PRIO_PROCESS, 0) == mine   # the importing process is left as it was
