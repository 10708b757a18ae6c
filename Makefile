# Việt–Lào digest. `make site` builds everything; `make test` runs the whole suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1
# Browser tests drive Debian's Chromium; Playwright never downloads a browser of its own.
export CHROMIUM ?= /usr/bin/chromium
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

.PHONY: site test serve generate lint format golden clean deploy chromium bench

$(VENV)/.site: requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.test: $(VENV)/.site requirements-dev.txt
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

## site: generate content/ from seeds/ and build site/ (exit 1 if a seed was rejected)
site: $(VENV)/.site
	@status=0; $(BIN)/python -m generator || status=$$?; \
	if [ $$status -gt 1 ]; then exit $$status; fi; \
	VL_CONTENT_READY=1 $(BIN)/mkdocs build --strict || exit $$?; \
	echo "site/ built"; exit $$status

## deploy: build as `make site` does and push site/ to the gh-pages branch of REMOTE (default origin)
# REMOTE is a git remote name; SITE_URL sets the published address (see README). sitemap.xml's date
# is the last commit's (SOURCE_DATE_EPOCH), so deploying again with nothing changed changes no file.
REMOTE ?= origin
deploy: $(VENV)/.site
	@test -n "$$SITE_URL" || echo "warning: SITE_URL is not set; links use the placeholder in mkdocs.yml"
	@if git ls-remote --exit-code --heads $(REMOTE) gh-pages >/dev/null; then \
		git fetch --quiet $(REMOTE) +refs/heads/gh-pages:refs/remotes/$(REMOTE)/gh-pages; fi
	@status=0; $(BIN)/python -m generator || status=$$?; \
	if [ $$status -gt 1 ]; then exit $$status; fi; \
	export SOURCE_DATE_EPOCH=$${SOURCE_DATE_EPOCH:-$$(git log -1 --format=%ct 2>/dev/null || date +%s)}; \
	VL_CONTENT_READY=1 $(BIN)/mkdocs gh-deploy --strict --remote-name $(REMOTE) --remote-branch gh-pages || exit $$?; \
	echo "site/ deployed to the gh-pages branch of $(REMOTE)"; exit $$status

## generate: only regenerate content/
generate: $(VENV)/.site
	$(BIN)/python -m generator

## serve: preview on http://$(DEV_ADDR), regenerating when seeds/ or data/ change; --dirty rebuilds
## only the pages and search files the generator rewrote
DEV_ADDR ?= 127.0.0.1:8000
serve: $(VENV)/.site
	$(BIN)/mkdocs serve --dirty --dev-addr $(DEV_ADDR)

## chromium: the browser for the browser tests (apt-get install chromium when missing, as root)
chromium:
	@test -x "$(CHROMIUM)" || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing Chromium for the browser tests (apt-get install chromium)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "The browser tests need Chromium at $(CHROMIUM). Install it: sudo apt-get install chromium" \
	      "(Debian/Ubuntu), or set CHROMIUM=/path/to/chromium." >&2; exit 1; \
	  fi; }
	@test -x "$(CHROMIUM)" || { echo "Chromium still missing at $(CHROMIUM)" >&2; exit 1; }

## test: lint, type check and the whole test suite (browser tests included)
test: $(VENV)/.test chromium
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python -m pytest

## bench: measure the generator and full builds against Material's blog plugin and Hugo (about 40
## minutes on 2 cores: 36 for the run in bench/RESULTS.md; run it on a quiet machine); writes bench/RESULTS.md
bench: $(VENV)/.test
	$(BIN)/python -m bench --out bench/RESULTS.md

lint: $(VENV)/.test
	$(BIN)/ruff check .
	$(BIN)/mypy

format: $(VENV)/.test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## golden: rewrite tests/golden/ and tests/search_cases.json from the current code (review the diff before committing)
golden: $(VENV)/.test
	UPDATE_GOLDEN=1 $(BIN)/python -m pytest tests/test_golden.py -q
	UPDATE_GOLDEN=1 $(BIN)/python -m pytest tests/test_search_index.py -q -k shared_cases_file

clean:
	rm -rf site .content.staging .content.old
	$(BIN)/python -m generator --quiet >/dev/null 2>&1 || true
