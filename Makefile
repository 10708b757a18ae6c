# Việt–Lào digest. `make site` builds everything; `make test` runs the whole suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: site test serve generate lint format golden clean bench

$(VENV)/.site: requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e . || $(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.test: $(VENV)/.site requirements-dev.txt
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

## site: generate content/ from seeds/ and build site/ (exit 1 if a seed was rejected)
site: $(VENV)/.site
	@status=0; $(BIN)/python -m generator || status=$$?; \
	if [ $$status -gt 1 ]; then exit $$status; fi; \
	VL_CONTENT_READY=1 $(BIN)/mkdocs build --strict --quiet || exit $$?; \
	echo "site/ built"; exit $$status

## generate: only regenerate content/
generate: $(VENV)/.site
	$(BIN)/python -m generator

## serve: preview on http://$(DEV_ADDR), regenerating when seeds/ or data/ change; --dirty rebuilds
## only the pages the generator rewrote (the preview's search index may lag; `make site` is complete)
DEV_ADDR ?= 127.0.0.1:8000
serve: $(VENV)/.site
	$(BIN)/mkdocs serve --dirty --dev-addr $(DEV_ADDR)

## test: lint and the whole test suite
test: $(VENV)/.test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

## bench: measure the generator and full builds against Material's blog plugin and Hugo (about an
## hour on 2 cores; run it on a quiet machine); writes bench/RESULTS.md
bench: $(VENV)/.test
	$(BIN)/python -m bench --out bench/RESULTS.md

lint: $(VENV)/.test
	$(BIN)/ruff check .

format: $(VENV)/.test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## golden: rewrite tests/golden/ from the current generator (review the diff before committing)
golden: $(VENV)/.test
	UPDATE_GOLDEN=1 $(BIN)/python -m pytest tests/test_golden.py -q

clean:
	rm -rf site .content.staging .content.old
	$(BIN)/python -m generator --quiet >/dev/null 2>&1 || true
