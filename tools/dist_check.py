"""Run the built desktop app (dist/archivist/archivist), not the venv, as a user would on a
machine with no Python and no network; exit non-zero at the first thing that is wrong.

    .venv/bin/python tools/dist_check.py dist/archivist/archivist      (make dist-check)

Every step runs the built program in a fresh temporary home with PATH stripped of the
venv, from a temporary working directory, with no network (`unshare -rn`, when the
kernel allows it), so nothing can quietly come from the source tree, the venv or the
internet. Sample pages are taken from inside the build, which proves they shipped.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = "qingdao-daily-2024-11-02.txt"
SAMPLE_ARTICLES = 7
SCANS = ROOT / "tests" / "data" / "scan"
# page1.png is read by OCR, text.pdf by PDFium, sample.docx by python-docx; all three
# carry the article headlined 海滨社区建起“共享书房”.
FORMATS = ["page1.png", "text.pdf", "sample.docx"]
STEP_TIMEOUT = 300


class CheckFailed(Exception):
    pass


def no_network_prefix() -> list[str]:
    """`unshare -rn`: a user namespace with an empty network namespace (no network at
    all, not even loopback). Where that is not allowed, say so and run with network."""
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-rn", "true"], capture_output=True).returncode == 0:
        return [unshare, "-rn"]
    print("dist-check: note: cannot drop the network here (unshare -rn); running with it")
    return []


def clean_env(home: Path) -> dict[str, str]:
    venv_bin = str(ROOT / ".venv" / "bin")
    path = os.pathsep.join(p for p in os.environ.get("PATH", "").split(os.pathsep)
                           if p and Path(p).resolve() != Path(venv_bin).resolve())
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "VIRTUAL_ENV", "QT_", "XDG_"))}
    env.update(PATH=path, HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_DATA_HOME=str(home / ".local/share"), XDG_CACHE_HOME=str(home / ".cache"),
               TMPDIR=str(home / "tmp"), QT_QPA_PLATFORM="offscreen")
    (home / "tmp").mkdir(parents=True, exist_ok=True)
    return env


class Runner:
    def __init__(self, program: Path, work: Path):
        self.program = program
        self.work = work
        self.prefix = no_network_prefix()
        self.env = clean_env(work / "home")

    def run(self, label: str, *args: str) -> str:
        start = time.perf_counter()
        proc = subprocess.run([*self.prefix, str(self.program), *args], cwd=self.work, env=self.env,
                              capture_output=True, text=True, encoding="utf-8", timeout=STEP_TIMEOUT)
        elapsed = time.perf_counter() - start
        if proc.returncode != 0:
            raise CheckFailed(f"{label}: exit {proc.returncode}\n--- stdout\n{proc.stdout[-3000:]}"
                              f"\n--- stderr\n{proc.stderr[-3000:]}")
        print(f"  ok  {label:<44} {elapsed:6.2f} s")
        return proc.stdout


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


def check_bundle_files(bundle: Path) -> None:
    """Data read by code paths the steps below do not reach on every run: jieba (tag
    suggestions), and what must never ship: opencv's Qt5 plugins."""
    for rel in ["jieba/dict.txt", "jieba/analyse/idf.txt", "opencc/dictionary/TSCharacters.txt",
                "rapidocr_onnxruntime/config.yaml", "resources/translations/archivist_zh_CN.qm",
                "resources/icons/archivist.svg", "resources/samples/" + SAMPLE, "db/0001_*.sql",
                "resources/fonts/ArchivistSansSC-Regular.otf", "resources/fonts/OFL.txt"]:
        expect(any(bundle.glob(rel)), f"missing from the build: {rel}")
    expect(any(bundle.glob("rapidocr_onnxruntime/models/*.onnx")), "missing: the OCR models")
    expect(any(bundle.glob("PySide6/Qt/plugins/platforms/libqoffscreen*")) or
           any(bundle.glob("PySide6/Qt/plugins/platforms/qoffscreen*")), "missing: Qt platform plugins")
    expect(not (bundle / "cv2" / "qt").exists(), "opencv's Qt5 plugins were bundled (cv2/qt)")
    print("  ok  data files in the build")


def main(argv: list[str]) -> int:
    sys.stdout.reconfigure(line_buffering=True)  # progress lines before any failure on stderr
    program = Path(argv[1] if len(argv) > 1 else ROOT / "dist" / "archivist" / "archivist").resolve()
    if not program.is_file():
        print(f"dist-check: no built program at {program}; run `make dist`", file=sys.stderr)
        return 1
    bundle = program.parent / "_internal"
    samples = bundle / "resources" / "samples"
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    work = Path(tempfile.mkdtemp(prefix="archivist-dist-check-"))
    started = time.perf_counter()
    try:
        print(f"dist-check: {program}")
        check_bundle_files(bundle)
        r = Runner(program, work)
        library = str(work / "library")

        out = r.run("--version", "--version")
        expect(out.strip() == f"archivist {version}", f"--version said {out.strip()!r}, pyproject says {version}")

        page = json.loads(r.run(f"split --json {SAMPLE}", "split", "--json", str(samples / SAMPLE)))
        expect(page.get("schema") == "archivist.split/1", f"split schema: {page.get('schema')}")
        expect(len(page["articles"]) == SAMPLE_ARTICLES,
               f"split found {len(page['articles'])} articles, expected {SAMPLE_ARTICLES}")

        out = r.run("import the bundled sample pages", "--library", library, "import", "--quiet", str(samples))
        expect("failed 0" in out and "imported 3 file(s)" in out, f"import: {out.strip()}")
        simplified = json.loads(r.run("search 青岛", "--library", library, "search", "--json", "青岛"))
        expect(simplified["total"] > 0, "search 青岛 found nothing")
        traditional = json.loads(r.run("search 青島 (Traditional, OpenCC data)", "--library", library,
                                       "search", "--json", "青島"))
        expect(traditional["total"] == simplified["total"], "search 青島 and 青岛 disagree")

        # Enough text to start the import's split-ahead worker processes: in the frozen
        # program they are this executable started again (multiprocessing.freeze_support).
        many = work / "many-pages"
        many.mkdir()
        texts = [p.read_text(encoding="utf-8") for p in sorted(samples.glob("*.txt"))]
        for n in range(30):
            (many / f"page-{n:02d}.txt").write_text(texts[n % len(texts)] * 3 + f"\n第{n}版\n", encoding="utf-8")
        out = r.run("import 30 pages (split-ahead workers)", "--library", library, "import", "--quiet", str(many))
        expect("failed 0" in out and "imported 30 file(s)" in out, f"import with workers: {out.strip()}")

        out = r.run("import PNG (OCR), PDF, DOCX", "--library", library, "import", "--quiet",
                    *(str(SCANS / name) for name in FORMATS))
        expect("failed 0" in out and "imported 3 file(s)" in out, f"import of other formats: {out.strip()}")
        found = json.loads(r.run("search 共享书房", "--library", library, "search", "--json", "共享书房"))
        expect(found["total"] >= len(FORMATS), f"search 共享书房 found {found['total']} of {len(FORMATS)}")

        # The Chinese interface proves the .qm shipped; the library is not empty, so no
        # first-start dialog waits for a click.
        settings = Path(r.env["XDG_CONFIG_HOME"]) / "archivist" / "archivist.conf"
        settings.parent.mkdir(parents=True, exist_ok=True)
        settings.write_text("[ui]\nlanguage=zh_CN\n", encoding="utf-8")
        out = r.run("GUI offscreen: main window shown, closed", "--library", library, "--smoke-test")
        expect("shown=True" in out and "icon=True" in out and "exit=0" in out, f"smoke test: {out.strip()}")
        expect("menu=文件" in out, f"the Chinese translation did not load: {out.strip()}")
    except (CheckFailed, subprocess.TimeoutExpired) as exc:
        print(f"dist-check: FAILED: {exc}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"dist-check: all passed in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
