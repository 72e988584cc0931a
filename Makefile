# privacy-pages developer commands. `make site` and `make test` work on a new machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

# The other hosts each get a venv of their own: a site is built with one of them at a time.
PD     := .venv-properdocs
ZS     := .venv-zensical
# The lowest versions of MkDocs, Material and Python-Markdown pyproject.toml accepts
# (lowest.txt): the plugin's fast paths are checked against them too.
LOW    := .venv-lowest
# The tests that compare the plugin's speed paths (mkdocs_plugin/speedups/) with what
# Python-Markdown and Material's search write themselves.
EQUIVALENCE := tests/test_plain_blocks.py tests/test_html_blocks.py tests/test_search_view.py \
	tests/test_search_tokens.py tests/test_speedups.py
# pytest-xdist: the tests on every core (PYTEST_WORKERS=0 runs them in one process).
PYTEST_WORKERS ?= auto

.PHONY: site site-properdocs site-zensical sites serve test lint typecheck imports bench clean schemas \
	catalogs

$(STAMP): pyproject.toml hosts.txt plugins.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c hosts.txt -c plugins.txt -e ".[dev]"
	touch $(STAMP)

$(LOW)/.installed: pyproject.toml lowest.txt plugins.txt
	test -x $(LOW)/bin/python || $(PYTHON) -m venv $(LOW)
	$(LOW)/bin/python -m pip install --quiet --upgrade pip
	# (mkdocs-static-i18n: the example site's languages, which the equivalence tests build)
	$(LOW)/bin/python -m pip install --quiet -c lowest.txt -c plugins.txt -e ".[mkdocs]" \
		pytest hypothesis pytest-xdist mkdocs-static-i18n
	touch $@

$(PD)/.installed: pyproject.toml hosts.txt plugins.txt
	test -x $(PD)/bin/python || $(PYTHON) -m venv $(PD)
	$(PD)/bin/python -m pip install --quiet --upgrade pip
	# (mkdocs-static-i18n: the example site's languages)
	$(PD)/bin/python -m pip install --quiet -c hosts.txt -c plugins.txt -e ".[properdocs]" \
		mkdocs-static-i18n
	touch $@

$(ZS)/.installed: pyproject.toml hosts.txt
	test -x $(ZS)/bin/python || $(PYTHON) -m venv $(ZS)
	$(ZS)/bin/python -m pip install --quiet --upgrade pip
	$(ZS)/bin/python -m pip install --quiet -c hosts.txt -e ".[zensical]"
	touch $@

## Build the example site from content/ into site/ (fails on any warning).
site: $(STAMP)
	$(BIN)/mkdocs --version
	$(BIN)/mkdocs build --strict

## The same site with ProperDocs (MkDocs 1.x continued), plugin included, into site-properdocs/.
site-properdocs: $(PD)/.installed
	$(PD)/bin/properdocs --version
	$(PD)/bin/properdocs build --strict -f mkdocs.yml --site-dir site-properdocs

## The same site with Zensical, which runs no plugins: the pages are rendered first, with a
## configuration for them (build/zensical/mkdocs.yml), into site-zensical/.
site-zensical: $(ZS)/.installed
	$(ZS)/bin/zensical --version
	rm -rf build/zensical site-zensical
	$(ZS)/bin/privacy-pages render --config mkdocs.yml --out build/zensical/docs --docs site-src \
		--host zensical --site-config build/zensical/mkdocs.yml
	cd build/zensical && ../../$(ZS)/bin/zensical build --strict
	mv build/zensical/site site-zensical

## All three.
sites: site site-properdocs site-zensical

## Regenerate the editor schemas in schemas/ (a test checks they match the package).
schemas: $(STAMP)
	$(BIN)/privacy-pages schema --out schemas

## Extract the words the package writes on pages (marked in plugins/ and templates/, see
## babel.cfg) into $(LOCALE)/messages.pot, and bring each language's catalog
## ($(LOCALE)/LANG/LC_MESSAGES/messages.po) up to date with it: new messages untranslated,
## changed ones fuzzy, removed ones dropped. A test checks that the catalogs hold exactly the
## messages in use (the .pot has no header, so that it changes only when the messages do).
## Start a language with: $(BIN)/pybabel init -i $(LOCALE)/messages.pot -d $(LOCALE) -l LANG
LOCALE := plugins/privacy_pages/locale
catalogs: $(STAMP)
	$(BIN)/pybabel --quiet extract -F babel.cfg --no-default-keywords -k N_ -k _ -k gettext \
		-k ngettext:1,2 --add-comments=TRANSLATORS: --strip-comments --omit-header \
		-o $(LOCALE)/messages.pot .
	$(BIN)/pybabel --quiet update -i $(LOCALE)/messages.pot -d $(LOCALE) --ignore-obsolete \
		--ignore-pot-creation-date

## Serve the site with live reload (content/ and templates/ are watched); ADDR=host:port
## chooses where (default: MkDocs' own, 127.0.0.1:8000). --dirty: a rebuild redoes only the
## pages an edit changed (and every hand-written page); the plugin tells which.
ADDR ?=
serve: $(STAMP)
	$(BIN)/mkdocs serve --dirty $(if $(ADDR),-a $(ADDR))

## Build the site with every host, check the import contracts (layers, adapters, no cycles),
## run the tests (they check the three sites' links, and build the example site with other
## plugins), the equivalence tests again on the lowest versions accepted, then ruff and mypy.
test: $(STAMP) $(LOW)/.installed sites
	$(BIN)/lint-imports --no-cache --no-logo
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS)
	$(LOW)/bin/python -m pytest -n $(PYTEST_WORKERS) -p no:cacheprovider $(EQUIVALENCE)
	$(BIN)/ruff check plugins tests tools
	$(BIN)/ruff format --check plugins tests tools
	$(BIN)/mypy

## Full-page screenshots of every kind of page at 1280 and 390 px wide, into screenshots/.
.PHONY: screenshots
screenshots: site
	$(BIN)/python tools/screenshots.py --site site --out screenshots

## Benchmark the plugin against pre-rendered pages (and Zensical), on synthetic and real-shape
## content, and edit -> page under make serve; writes benchmarks/results.md and the Performance
## page's copy (site-src/includes/benchmark-results.md).
bench: $(STAMP) $(ZS)/.installed
	$(BIN)/python benchmarks/bench.py

lint: $(STAMP)
	$(BIN)/ruff check plugins tests tools
	$(BIN)/ruff format --check plugins tests tools

typecheck: $(STAMP)
	$(BIN)/mypy

imports: $(STAMP)
	$(BIN)/lint-imports --no-cache --no-logo

clean:
	rm -rf site site-properdocs site-zensical build dist .pytest_cache .mypy_cache .ruff_cache
