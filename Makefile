# The README's two commands: `make run` and `make test`. Each sets everything up first.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test test-installed lint bench screenshots package clean

# Test processes (pytest-xdist): two per core, as most of a fault test's time is spent waiting (for
# a kill moment, a child's start, a poll), which left one of two cores idle at one per core; an
# idle process takes queued tests from a busy one (worksteal: the few long fault tests otherwise
# leave a core idle at the end). `make test TEST_WORKERS=0` runs in one process.
TEST_WORKERS ?= $(shell $(PYTHON) -c 'import os; print(2 * len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 2 * (os.cpu_count() or 1))')
# A regular (non-editable) install for `make test-installed`, rebuilt on every run.
INSTALLED := build/installed-venv

$(PY):
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "python3-venv is missing; installing it"; \
	    (apt-get install -y python3-venv >/dev/null 2>&1 || (apt-get update >/dev/null && apt-get install -y python3-venv >/dev/null)) && \
	    rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); \
	  else echo "Python's venv module is missing: sudo apt-get install python3-venv" >&2; exit 1; fi; }

# With the bundle's pinned versions (packaging/constraints.txt): the bundle tests, which build
# beside the main suite, then never swap a library under it, and tests run what ships.
$(STAMP): $(PY) pyproject.toml packaging/constraints.txt
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c packaging/constraints.txt -e ".[test,dev]"
	@touch $(STAMP)

run: $(STAMP)
	@sh packaging/ensure-system-deps.sh
	$(VENV)/bin/offscript

# The bundle tests (which first build dist/ unless it is current) run in the background beside
# the main suite, which leaves CPU idle while it waits; their output follows the suite's (and is
# kept in build/package-tests.log), and either one failing fails `make test`. The suite runs at a
# lower priority (nice 10): the bundle's build is mostly one process, so it then keeps one core
# and ends first, and the suite's workers fill both cores till the end. On 2 cores this cut a
# clean clone's `make test` from 101.6 s (bundle last, at 100.5 s) to 86.5 s (bundle at 58.5 s).
PACKAGE_LOG := build/package-tests.log
# A background job starts with Ctrl-C ignored (make's shell has no job control): this pytest
# restores it, so the trap can interrupt it and its fixtures clean up (Xvfb, the build's shell).
INTERRUPTIBLE_PYTEST := -c 'import signal, sys, pytest; signal.signal(signal.SIGINT, signal.default_int_handler); sys.exit(pytest.main())'
test: $(STAMP)
	@mkdir -p build; \
	QT_QPA_PLATFORM=offscreen $(PY) $(INTERRUPTIBLE_PYTEST) -q -m package tests/package \
	  -o cache_dir=build/pytest-cache-package >$(PACKAGE_LOG) 2>&1 & bundle=$$!; \
	trap 'kill -INT $$bundle 2>/dev/null; wait $$bundle; exit 130' INT TERM; \
	echo "bundle tests started in the background (-m package tests/package > $(PACKAGE_LOG))"; \
	QT_QPA_PLATFORM=offscreen nice -n 10 $(PY) -m pytest -q -m "not package" -n $(TEST_WORKERS) --dist worksteal; \
	suite=$$?; echo "== waiting for the bundle tests"; wait $$bundle; bundled=$$?; \
	cat $(PACKAGE_LOG); [ $$suite = 0 ] && [ $$bundled = 0 ]

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
