# The whole set-up on a fresh machine is `make serve` or `make test` (README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test audit lint facts pages bench clean serve-en serve-zh serve-zh-Hant lock translation-report

# The venv is rebuilt whenever a pin changes: every package with its hash, then this one.
$(VENV)/.runtime: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# Browser tests use Debian's chromium where installed; elsewhere Playwright's own download.
$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements-dev.txt
	[ -x /usr/bin/chromium ] || $(BIN)/python -m playwright install chromium
	touch $@

# Code edits restart the server (the plugin's modules are loaded once per process);
# Markdown, YAML and template edits rebuild it.
SERVE := $(BIN)/watchmedo auto-restart --directory gtc_site --pattern '*.py' --recursive --signal SIGTERM -- \
	$(BIN)/python -m mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

## serve: preview at http://127.0.0.1:8000, rebuilding on every edit
serve: $(VENV)/.runtime
	$(SERVE)

## serve-en, serve-zh, serve-zh-Hant: preview one language only, at its root; rebuilds take about half the time
serve-en serve-zh serve-zh-Hant: serve-%: $(VENV)/.runtime
	GTC_ONLY_LANGUAGE=$* $(SERVE)

## build: strict build into site/; a failed build leaves the last good site/ untouched
build: $(VENV)/.runtime
	$(BIN)/python -m gtc_site.tools.build_site site

## facts: validate the fact store and report every problem with file and line
facts: $(VENV)/.runtime
	$(BIN)/python -m gtc_site.tools.check_facts

## pages: write the generated pages into generated/ to read them (the build keeps them in memory)
pages: $(VENV)/.runtime
	$(BIN)/python -m gtc_site.tools.write_pages generated

## translation-report: every word the Taiwan conversion changes, for review (.cache/zh-Hant-conversion.md)
translation-report: $(VENV)/.runtime
	$(BIN)/python -m gtc_site.tools.translation_report .cache/zh-Hant-conversion.md

## lint: ruff (check and format) on all Python
lint: $(VENV)/.dev
	$(BIN)/ruff check gtc_site tests benchmarks audits
	$(BIN)/ruff format --check gtc_site tests benchmarks audits

## test: lint, then the whole test suite (it builds the site itself)
test: $(VENV)/.dev lint
	$(BIN)/pytest

## lock: regenerate the hash-locked pins from requirements.in and requirements-dev.in
lock:
	$(PYTHON) -m venv .cache/pip-tools
	.cache/pip-tools/bin/python -m pip install --quiet pip-tools
	.cache/pip-tools/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links -o requirements.txt requirements.in
	.cache/pip-tools/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links -o requirements-dev.txt requirements-dev.in

# Lighthouse from npm, pinned in package-lock.json.
node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

## audit: Lighthouse on the built site (accessibility, best practices, SEO 1.0; performance >= 0.9 on record pages, 0.8 elsewhere)
audit: $(VENV)/.dev node_modules/.installed
	$(BIN)/pytest audits

## bench: build time at 1x/10x/50x and search speed, each against a plain-stack baseline in the same run
bench: $(VENV)/.dev
	$(BIN)/python -m benchmarks.bench_build --scales 1,10,50
	$(BIN)/python -m benchmarks.bench_search

clean:
	rm -rf site .site.* .pytest_cache .ruff_cache node_modules generated
