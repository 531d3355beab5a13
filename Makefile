# The README's two commands: `make run` and `make test`. Each sets everything up first.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test lint bench screenshots package clean

$(PY):
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "python3-venv is missing; installing it"; \
	    (apt-get install -y python3-venv >/dev/null 2>&1 || (apt-get update >/dev/null && apt-get install -y python3-venv >/dev/null)) && \
	    rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); \
	  else echo "Python's venv module is missing: sudo apt-get install python3-venv" >&2; exit 1; fi; }

$(STAMP): $(PY) pyproject.toml
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test,dev]"
	@touch $(STAMP)

run: $(STAMP)
	@sh packaging/ensure-system-deps.sh
	$(VENV)/bin/offscript

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m "not package"
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m package tests/package

lint: $(STAMP)
	$(VENV)/bin/ruff check journal ui tests bench tools
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports --no-cache --no-logo

bench: $(STAMP)
	$(PY) -m bench

screenshots: $(STAMP)
	$(PY) -m tools.screenshots docs/screenshots

package: $(STAMP)
	sh packaging/build.sh

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
