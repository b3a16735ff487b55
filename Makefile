# Two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: run test bench score clean dist dist-check dist-bench screenshots translations gui-bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Re-install only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(VENV)/.installed $@

$(VENV)/.installed-dist: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dist]'
	touch $(VENV)/.installed $@

run: $(VENV)/.installed
	$(BIN)/archivist

# pytest exits 5 when it collects nothing; that is a failure here, as any non-zero.
test: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

score: $(VENV)/.installed
	PATH="$(CURDIR)/$(BIN):$$PATH" $(PYTHON) ../shared/eval/score.py -v

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
