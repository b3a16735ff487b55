"""The line model: a linear-chain CRF (python-crfsuite) that labels each line of a page.

Fitted by tools/train_lines.py (`make train`) on pages composed from ../shared/corpus;
the model file ships in archivist/split/models/ and is loaded on first use, never at
GUI start. Labels: furniture, placeholder, kicker, headline, subtitle, deck, boxlabel,
subhead, byline, credit, dateline, body, caption; "^" before a label marks the line that
begins an article.
"""
from __future__ import annotations

import functools
import hashlib
import threading
from pathlib import Path

from archivist.split.features import page_features
from archivist.split.lines import Unit

MODEL_PATH = Path(__file__).with_name("models") / "lines.crfsuite"
_lock = threading.Lock()
_tagger = None


@functools.cache
def model_version() -> str:
    """The fitted model's name and content hash, recorded in each split's output (read once:
    the file ships with the code and does not change while the app runs)."""
    digest = hashlib.sha256(MODEL_PATH.read_bytes()).hexdigest()[:12] if MODEL_PATH.exists() else "none"
    return f"lines-crf/{digest}"


def _load():
    global _tagger
    with _lock:
        if _tagger is None:
            import pycrfsuite  # noqa: PLC0415

            tagger = pycrfsuite.Tagger()
            tagger.open(str(MODEL_PATH))
            _tagger = tagger
    return _tagger


def label_units(units: list[Unit]) -> list[str]:
    """One label per unit (set on unit.label too)."""
    if not units:
        return []
    tagger = _load()
    with _lock:  # a crfsuite Tagger is not safe to share between threads
        labels = tagger.tag(page_features(units))
    for u, lab in zip(units, labels):
        u.label = lab
    return labels
