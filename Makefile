# The README's two commands: `make run` and `make test`. Each sets everything up first.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test test-installed lint bench screenshots package clean

# Test processes (pytest-xdist): one per core, an idle one takes queued tests from a busy one
# (worksteal: the few long fault tests otherwise leave one core idle at the end).
# `make test TEST_WORKERS=0` runs in one process.
TEST_WORKERS ?= auto
# A regular (non-editable) install for `make test-installed`, rebuilt on every run.
INSTALLED := build/installed-venv

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
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m "not package" -n $(TEST_WORKERS) --dist worksteal
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m package tests/package

# The same suite against `pip install .` (what a wheel user gets), not the editable checkout.
# -P keeps the working directory (this checkout) off sys.path, so journal/ui come from
# site-packages; tests/test_installed.py fails if they do not. build/lib is cleared first
# because setuptools would otherwise copy stale files from an earlier build into the wheel.
test-installed: $(PY)
	rm -rf $(INSTALLED) build/lib build/bdist.*
	$(PY) -m venv $(INSTALLED)
	$(INSTALLED)/bin/pip install --quiet ".[test]"
	QT_QPA_PLATFORM=offscreen $(INSTALLED)/bin/python -P -m pytest -q -m "not package" -n $(TEST_WORKERS) --dist worksteal

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
