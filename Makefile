# Two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: run test bench score clean screenshots translations gui-bench

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

clean:
	rm -rf $(VENV) build dist *.egg-info
