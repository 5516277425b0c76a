# MLOps Atlas. Quick start: `make serve` (build and serve the site) and `make test` (every test).
# Each target installs what it needs into .venv (Python) and node_modules (the workflow linter).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
NODE_INSTALLED := node_modules/.installed
LIGHTHOUSE_INSTALLED := bench/lighthouse/node_modules/.installed
export NO_MKDOCS_2_WARNING := 1
# Reproducible builds: dates in the output (sitemap) come from the last commit, not from the clock.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
export SOURCE_DATE_EPOCH

.PHONY: serve site check lint test test-fast fuzz bench hedge links enrich clean

serve: $(INSTALLED) ## check the catalog, build and serve on http://127.0.0.1:8000 with live reload
	$(BIN)/python -m atlas check
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

site: $(INSTALLED) ## one-shot build into site/
	$(BIN)/mkdocs build --strict --clean

check: $(INSTALLED) ## validate the catalog
	$(BIN)/python -m atlas check

lint: $(INSTALLED) ## ruff (lint, import order) and mypy (strict on atlas/core and atlas/check) over the code
	$(BIN)/ruff check atlas tests bench macros.py
	$(BIN)/mypy

test: $(INSTALLED) $(NODE_INSTALLED) lint ## every test, after the lint (installs Debian's chromium for the browser tests if missing)
	scripts/ensure-system-packages chromium
	$(BIN)/python -m pytest

test-fast: $(INSTALLED) ## the inner loop: unit and checker tests only (no site build, no browser), under a minute
	$(BIN)/python -m pytest tests/unit tests/check -q

fuzz: $(INSTALLED) ## long property-based campaign (10,000 examples per property) on loading, checking and rendering
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest tests/check/test_fuzz.py -q -p no:cacheprovider

bench: $(INSTALLED) $(LIGHTHOUSE_INSTALLED) ## build time vs a plain mkdocs-material floor, scale, validation, page weight, browser, Lighthouse; writes BENCHMARKS.md
	scripts/ensure-system-packages chromium
	$(BIN)/python bench/run.py
hedge: $(INSTALLED) ## the stack hedge: ProperDocs must build the same site as MkDocs; then a (non-blocking) Zensical report
	rm -rf .hedge && mkdir -p .hedge
	$(BIN)/mkdocs build --strict --quiet --site-dir .hedge/mkdocs
	$(BIN)/properdocs build --strict --quiet --site-dir .hedge/properdocs
	$(BIN)/python scripts/compare_builds.py .hedge/mkdocs .hedge/properdocs
	scripts/try-zensical

links: $(INSTALLED) ## check every external URL of the catalog and docs/ (network); pass options with ARGS="..."
	$(BIN)/python -m atlas links $(ARGS)

enrich: $(INSTALLED) ## refresh catalog/github.json from the GitHub API (network; reads GITHUB_TOKEN); options in ARGS="..."
	$(BIN)/python -m atlas enrich $(ARGS)

$(INSTALLED): requirements.txt pyproject.toml
	PYTHON=$(PYTHON) scripts/ensure-system-packages venv
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

$(NODE_INSTALLED): package.json package-lock.json
	scripts/ensure-system-packages node
	npm ci --silent --no-audit --no-fund
	touch $@

$(LIGHTHOUSE_INSTALLED): bench/lighthouse/package.json bench/lighthouse/package-lock.json
	scripts/ensure-system-packages node
	npm ci --silent --no-audit --no-fund --prefix bench/lighthouse
	touch $@

clean:
	rm -rf site .pytest_cache .hedge .venv-zensical
