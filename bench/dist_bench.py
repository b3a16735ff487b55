"""Size of the desktop build, and start-up time of the built app beside the venv's
`archivist`, measured in the same run, interleaved so that machine load hits both alike.

    .venv/bin/python bench/dist_bench.py [dist/archivist/archivist] [--runs 5]   (make dist-bench)

"Cold start" here means a new process each time (nothing of the app loaded yet); the
files themselves may be in the OS page cache, as on a workstation that ran the app today.
The first run of each is reported apart: it is the closest to a start after a reboot.
Two starts are timed: `--version` (CLI: interpreter, argparse, the command modules) and
`--smoke-test` (GUI: Qt, the library, the main window shown, 300 ms of event loop, closed).
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def tree_size(path: Path) -> tuple[int, int]:
    """(bytes, files) of a folder, as du counts apparent sizes."""
    total = files = 0
    for p in path.rglob("*"):
        if p.is_file() and not p.is_symlink():
            total += p.stat().st_size
            files += 1
    return total, files


def timed(cmd: list[str], env: dict[str, str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def load() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "n/a"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("program", nargs="?", default=str(ROOT / "dist" / "archivist" / "archivist"))
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    built = Path(args.program).resolve()
    venv = ROOT / ".venv" / "bin" / "archivist"

    size, files = tree_size(built.parent)
    print(f"build: {built.parent}  {size / 2**20:.0f} MiB in {files} files; load {load()} on {os.cpu_count()} cores")

    work = Path(tempfile.mkdtemp(prefix="archivist-dist-bench-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "XDG_"))}
    env.update(QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(work / "config"),
               XDG_DATA_HOME=str(work / "data"), XDG_CACHE_HOME=str(work / "cache"))
    library = str(work / "library")
    # A library with the samples, so the GUI opens without the first-start offer.
    subprocess.run([str(venv), "--library", library, "import", "--quiet", str(ROOT / "resources" / "samples")],
                   env=env, check=True, stdout=subprocess.DEVNULL)

    cases = {"--version": ["--version"], "GUI --smoke-test": ["--library", library, "--smoke-test"]}
    print(f"{'start':<18} {'':>6} {'first':>7} {'median':>7} {'min':>7}   built/venv (median)")
    for label, extra in cases.items():
        times = {"built": [], "venv": []}
        for _ in range(args.runs):
            for name, program in (("built", built), ("venv", venv)):
                times[name].append(timed([str(program), *extra], env, work))
        for name in ("built", "venv"):
            t = times[name]
            ratio = statistics.median(times["built"]) / statistics.median(times["venv"])
            tail = f"   {ratio:.2f}x" if name == "built" else ""
            print(f"{label:<18} {name:>6} {t[0]:7.2f} {statistics.median(t):7.2f} {min(t):7.2f}{tail}")
    print(f"load after: {load()}")


if __name__ == "__main__":
    main()
