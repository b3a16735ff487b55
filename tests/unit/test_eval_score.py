"""The shared scorer passes with the issue's thresholds (when ../shared is present)."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SHARED

SCORER = SHARED / "eval" / "score.py"


@pytest.mark.skipif(not SCORER.exists(), reason="../shared/eval/score.py is not beside this checkout")
def test_shared_scorer_thresholds():
    bin_dir = Path(sys.executable).parent
    assert (bin_dir / "archivist").exists(), "the archivist command must be installed in this environment"
    env = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    proc = subprocess.run(
        [sys.executable, str(SCORER), "--min-f1", "0.95", "--min-checks", "0.95", "--min-coverage", "1.0", "-v"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "coverage 1.000" in proc.stdout and "errors 0" in proc.stdout
