# Two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: train score-lines run test lock bench score clean dist dist-check dist-bench screenshots translations gui-bench

# Every install comes from requirements/lock.txt, the whole dependency tree pinned (for
# Python 3.10+, any platform): a fresh clone gets exactly the tested versions. pyproject.toml
# keeps the ranges; `make lock` resolves them again into the lock (keeping every pin that
# still fits), `make lock UPGRADE=1` moves everything to the newest versions in range.
# Plain pip and a constraints file: nothing but `python3 -m venv` is needed first.
LOCK       := requirements/lock.txt
UV_VERSION := 0.13.9
PIP        := $(BIN)/python -m pip install --quiet --constraint $(LOCK)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# pip, setuptools and wheel at their locked versions; the project is then built with these
# (--no-build-isolation), not with whatever setuptools is newest on the index that day.
$(VENV)/.installed-base: $(LOCK) | $(BIN)/python
	$(PIP) pip setuptools wheel
	touch $@

# Re-install only when pyproject.toml or the lock changes.
$(VENV)/.installed: pyproject.toml $(LOCK) $(VENV)/.installed-base
	$(PIP) --no-build-isolation -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(LOCK) $(VENV)/.installed-base
	$(PIP) --no-build-isolation -e '.[test]'
	touch $(VENV)/.installed $@

$(VENV)/.installed-dist: pyproject.toml $(LOCK) $(VENV)/.installed-base
	$(PIP) --no-build-isolation -e '.[dist]'
	touch $(VENV)/.installed $@

# uv only resolves (`uv pip compile`, fast and deterministic); it is pinned here and
# bootstrapped into the venv from the package index, so nothing needs installing by hand.
$(VENV)/.uv-$(UV_VERSION): | $(BIN)/python
	$(BIN)/python -m pip install --quiet uv==$(UV_VERSION)
	touch $@

# Resolved into a copy, replaced only when it differs: an unchanged lock keeps its date,
# so the next `make test` does not reinstall for nothing.
lock: $(VENV)/.uv-$(UV_VERSION)
	cp $(LOCK) $(VENV)/lock.txt 2>/dev/null || true
	$(BIN)/uv pip compile --quiet --universal --python-version 3.10 --all-extras \
	  --custom-compile-command "make lock" $(if $(UPGRADE),--upgrade) \
	  pyproject.toml requirements/build.in -o $(VENV)/lock.txt
	cmp -s $(VENV)/lock.txt $(LOCK) || cp $(VENV)/lock.txt $(LOCK)

run: $(VENV)/.installed
	$(BIN)/archivist

# pytest exits 5 when it collects nothing; that is a failure here, as any non-zero.
# ruff first: it takes a second, and a lint slip should not wait for the suite.
test: $(VENV)/.installed-test
	$(BIN)/ruff check --quiet .
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

# Rebuild the line model from ../shared/corpus (deterministic), then the scores with it.
train: $(VENV)/.installed
	$(BIN)/python tools/train_lines.py

# Both splitters on every eval set, then the line model's evidence of generalisation: one
# fit per source left out (seed, rmrb, jingbao, each dump style), its line accuracy, article
# F1 and per-label confusion matrix (about 2-3 minutes a fit on 2 cores).
score: $(VENV)/.installed
	PATH="$(CURDIR)/$(BIN):$$PATH" $(PYTHON) ../shared/eval/score.py --set all
	PATH="$(CURDIR)/$(BIN):$$PATH" $(PYTHON) ../shared/eval/score.py --set all \
	  --cmd "archivist split --json --splitter lines {path}"
	$(BIN)/python tools/train_lines.py --leave-out all --confusion

score-lines: score

bench: $(VENV)/.installed
	$(BIN)/python bench/split_bench.py

# The desktop app's screenshots (docs/screenshots/*.png), rendered offscreen with the
# system's CJK font (apt-get install fonts-noto-cjk).
screenshots: $(VENV)/.installed
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/screenshots.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/screenshots.py zh_CN

# Re-extract the GUI's strings into resources/translations/*.ts and compile the .qm.
translations: $(VENV)/.installed
	$(BIN)/python tools/translations.py

gui-bench: $(VENV)/.installed
	$(BIN)/python bench/gui_bench.py

# The one-folder desktop build, dist/archivist/ (see build.spec and README "Desktop build").
# build/ keeps PyInstaller's analysis cache, so a rebuild after a small change is quicker.
dist: $(VENV)/.installed-dist
	$(BIN)/pyinstaller --noconfirm --log-level WARN build.spec

# Runs the built program, not the venv, with no network: CLI, import, OCR, search, GUI.
dist-check: dist
	$(BIN)/python tools/dist_check.py dist/archivist/archivist

# Size and cold start of the built app beside the venv's, in the same run.
dist-bench: dist
	$(BIN)/python bench/dist_bench.py dist/archivist/archivist

clean:
	rm -rf $(VENV) build dist *.egg-info
