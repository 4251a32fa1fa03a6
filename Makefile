# vardmote-qa: `make nightly` runs everything against the sandbox, `make test` runs the test suite.
# Each target installs what it needs first, and skips what is already installed.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
NODE_INSTALLED := node_modules/.installed

.PHONY: setup test nightly sandbox vocabulary chromium clean

setup: $(INSTALLED) chromium $(NODE_INSTALLED)

$(INSTALLED): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	@touch $@

# The Allure 3 CLI (npm registry) turns Allure results into the HTML report; without npm that report is skipped.
$(NODE_INSTALLED): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --silent && touch $@; \
	else echo "npm saknas: Allure-rapporten i HTML hoppas över (installera nodejs och npm)."; fi

chromium:
	@scripts/ensure-chromium

test: setup
	$(BIN)/python -m pytest

nightly: setup
	$(BIN)/vmqa nightly --env local

sandbox: setup
	$(BIN)/vmqa sandbox

# docs/vocabulary.md: every step phrase with an example, for testers writing scenarios.
vocabulary: setup
	$(BIN)/vmqa vocabulary

clean:
	rm -rf $(VENV) node_modules reports
