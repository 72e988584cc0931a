# privacy-pages developer commands. `make site` and `make test` work on a new machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: site serve test lint typecheck imports bench clean schemas

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

## Build the example site from content/ into site/ (fails on any warning).
site: $(STAMP)
	$(BIN)/mkdocs build --strict

## Regenerate the editor schemas in schemas/ (a test checks they match the package).
schemas: $(STAMP)
	$(BIN)/privacy-pages schema --out schemas

## Serve the site with live reload (content/ and templates/ are watched).
serve: $(STAMP)
	$(BIN)/mkdocs serve

## Check the import contracts (layers, adapters, no cycles), run the tests, then ruff and mypy.
test: $(STAMP)
	$(BIN)/lint-imports --no-cache --no-logo
	$(BIN)/python -m pytest
	$(BIN)/ruff check plugins tests
	$(BIN)/ruff format --check plugins tests
	$(BIN)/mypy

## Benchmark the plugin against pre-rendered pages; writes benchmarks/results.md.
bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

lint: $(STAMP)
	$(BIN)/ruff check plugins tests
	$(BIN)/ruff format --check plugins tests

typecheck: $(STAMP)
	$(BIN)/mypy

imports: $(STAMP)
	$(BIN)/lint-imports --no-cache --no-logo

clean:
	rm -rf site build dist .pytest_cache .mypy_cache .ruff_cache
