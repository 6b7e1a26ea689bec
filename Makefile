# Pomost — the commands a newcomer needs. `make help` lists them. Each is a thin wrapper of
# the `pomost` command (pyproject.toml), which does the same on Windows without make.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt pyproject.toml | cksum | cut -d' ' -f1)
export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := hooks

.PHONY: help site serve edit migrate test test-fast test-tools check schemas messages lint bench bench-quick bench-national clean

help:
	@echo "make site    build the whole site into site/ (creates .venv on first use)"
	@echo "make serve   live preview on http://127.0.0.1:8000, rebuilt on every edit"
	@echo "make edit    the form editor beside the preview, on http://127.0.0.1:8000/_pomost/"
	@echo "make migrate move each list file of data/ into a folder of one file per record (once)"
	@echo "make check   validate data/ only (fast)"
	@echo "make test    run the whole test suite (installs the npm test tools first)"
	@echo "make test-fast  the unit and render tests only: no site build, seconds"
	@echo "make bench   build and preview times at 100 / 1,000 / 10,000 organisations, beside stock MkDocs"
	@echo "             and Hugo (slow; bench-quick: 100, 1,000; bench-national: also 100,000)"
	@echo "make schemas regenerate data/schemas/ and .vscode/ from the record models"
	@echo "make messages update the catalogue of messages (hooks/pomost/locale/) from the code"
	@echo "make lint    ruff and mypy over hooks/, tools/ and tests/ (CI runs it)"
	@echo "make clean   remove site/, half-built folders, test artefacts and node_modules/"

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is needed"'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || \
	  { echo "Cannot create $(VENV): on Debian, run 'apt-get install python3-venv' first"; exit 1; }
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@rm -f $(VENV)/.installed-* && touch $@

# `pomost check` ends with one line saying how many problems it found; make adds its own
# "Error 1" after a failed command, which says nothing more.
check: $(STAMP)
	@$(BIN)/pomost check

schemas: $(STAMP)
	@$(BIN)/pomost schemas

messages: $(STAMP)
	$(BIN)/python -m tools.messages

# Built into a fresh folder and swapped in only when the build succeeded:
# a failed build leaves the site/ published before it complete and unchanged.
site: $(STAMP)
	@$(BIN)/pomost build --site-dir site

# Starts even with broken data, and shows the problems in the browser until they are fixed.
serve: $(STAMP)
	@$(BIN)/pomost serve --addr 127.0.0.1:8000

# The form editor with the preview beside it; opens the browser. The first start downloads the
# pinned editor (editor/package-lock.json) from the npm registry once, into .pomost/.
edit: $(STAMP)
	@$(BIN)/pomost edit --addr 127.0.0.1:8000 --open

migrate: $(STAMP)
	@$(BIN)/pomost migrate

# axe-core and vnu.jar for the browser and HTML tests, pinned in package-lock.json.
# --ignore-scripts: vnu-jar's install script would try to download a Java runtime.
NPM_STAMP := node_modules/.installed-$(shell cksum < package-lock.json | cut -d' ' -f1)
$(NPM_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null; then \
	  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && touch $@; \
	elif [ "$$CI" = true ]; then \
	  echo "npm is missing: apt-get install nodejs npm (.ci/run does)"; exit 1; \
	else \
	  echo "note: npm is missing, so the axe-core and vnu.jar checks are skipped (apt-get install nodejs npm)"; \
	fi

test-tools: $(NPM_STAMP)

test: $(STAMP) $(NPM_STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

# The layers that never build the site (tests/unit/, tests/render/): seconds, for every edit.
test-fast: $(STAMP)
	$(BIN)/python -m pytest tests/unit tests/render

# BENCH_NATIONAL=1 make bench (or make bench-national) adds 100,000 organisations: about 25 minutes
# more on a quiet 2-core machine (7 of them the build; Hugo needs 14 GB there).
bench: $(STAMP)
	$(BIN)/python -m tools.bench 100 1000 10000 $(if $(BENCH_NATIONAL),--national)

bench-quick: $(STAMP)
	$(BIN)/python -m tools.bench 100 1000

bench-national: $(STAMP)
	$(BIN)/python -m tools.bench 1000 10000 --national

clean:
	rm -rf site .site-build-* .pytest_cache test-artifacts node_modules .pomost
