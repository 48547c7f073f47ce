# The whole set-up on a fresh machine is `make serve` or `make test` (README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test audit lint facts pages bench clean serve-en serve-zh serve-zh-Hant

# The venv is rebuilt whenever a pin changes.
$(VENV)/.runtime: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

# Browser tests use Debian's chromium where installed; elsewhere Playwright's own download.
$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	[ -x /usr/bin/chromium ] || $(BIN)/python -m playwright install chromium
	touch $@

## serve: preview at http://127.0.0.1:8000, rebuilding on every Markdown or YAML edit
serve: $(VENV)/.runtime
	$(BIN)/python -m scripts.generate_pages
	$(BIN)/python -m mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

## serve-en, serve-zh, serve-zh-Hant: preview one language only, at its root; rebuilds take about half the time
serve-en serve-zh serve-zh-Hant: serve-%: $(VENV)/.runtime
	$(BIN)/python -m scripts.generate_pages
	GTC_ONLY_LANGUAGE=$* $(BIN)/python -m mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

## build: strict build into site/; a failed build leaves the last good site/ untouched
build: $(VENV)/.runtime
	$(BIN)/python -m scripts.build_site site

## facts: validate the fact store and report every problem with file and line
facts: $(VENV)/.runtime
	$(BIN)/python -m scripts.load_facts

## pages: write the generated pages into docs/ without building
pages: $(VENV)/.runtime
	$(BIN)/python -m scripts.generate_pages

## lint: ruff on all Python
lint: $(VENV)/.dev
	$(BIN)/ruff check scripts tests benchmarks audits

## test: lint, then the whole test suite (it builds the site itself)
test: $(VENV)/.dev lint
	$(BIN)/python -m pytest

# Lighthouse from npm, pinned in package-lock.json.
node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

## audit: Lighthouse on the built site (accessibility, best practices, SEO 1.0; performance >= 0.95)
audit: $(VENV)/.dev node_modules/.installed
	$(BIN)/python -m pytest audits

## bench: build time at 1x/10x/50x and search speed, each against a plain-stack baseline in the same run
bench: $(VENV)/.dev
	$(BIN)/python -m benchmarks.bench_build --scales 1,10,50
	$(BIN)/python -m benchmarks.bench_search

clean:
	rm -rf site .site.* .pytest_cache .ruff_cache node_modules
