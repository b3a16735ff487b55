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
from archivist.split.patterns import dateline_of

MODEL_PATH = Path(__file__).with_name("models") / "lines.crfsuite"
_lock = threading.Lock()
_taggers: dict[Path, object] = {}  # one per model file: a library's own model beside the shipped one
_active: Path | None = None


def use_model(path: Path | None) -> None:
    """Label with this model file (a library's own, archivist.split.refit) from now on;
    None: the shipped one."""
    global _active
    _active = Path(path) if path else None


def model_path() -> Path:
    return _active or MODEL_PATH


def model_version(path: Path | None = None) -> str:
    """The model's name and content hash, recorded in each split's output: "lines-crf/<hash>"
    for the shipped model, "lines-crf/library-<date>/<hash>" for a library's own."""
    return _version(Path(path) if path else model_path())


@functools.cache
def _version(path: Path) -> str:
    # Read once per file: a model file is never changed in place (a refit writes a new one).
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12] if path.exists() else "none"
    if path == MODEL_PATH:
        return f"lines-crf/{digest}"
    return f"lines-crf/library-{path.stem.split('-', 1)[-1][:10]}/{digest}"


def _load(path: Path):
    with _lock:
        if path not in _taggers:
            import pycrfsuite  # noqa: PLC0415

            tagger = pycrfsuite.Tagger()
            tagger.open(str(path))
            _taggers[path] = tagger
    return _taggers[path]


# Labels that take a line out of every article. A line that opens with a dateline
# (本报讯, 新华社北京…电) never is one: not one of the corpus's 2,445 such lines is, and
# calling it furniture would drop an article's text from the articles.
PAGE_LABELS = ("furniture", "placeholder", "credit")


def _best_text_label(tagger, i: int) -> str:
    """The likeliest label of line i (of the sequence last tagged) that keeps it in an article."""
    return max((lab for lab in tagger.labels() if lab.lstrip("^") not in PAGE_LABELS),
               key=lambda lab: tagger.marginal(lab, i))


def label_units(units: list[Unit]) -> list[str]:
    """One label per unit (set on unit.label too)."""
    if not units:
        return []
    tagger = _load(model_path())
    with _lock:  # a crfsuite Tagger is not safe to share between threads
        labels = tagger.tag(page_features(units))
        for i, u in enumerate(units):
            if labels[i].lstrip("^") in PAGE_LABELS and dateline_of(u.text):
                labels[i] = _best_text_label(tagger, i)
    for u, lab in zip(units, labels):
        u.label = lab
    return labels
