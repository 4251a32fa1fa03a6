# vardmote-qa: `make nightly` runs everything against the sandbox, `make test` runs the test suite.
# Each target installs what it needs first, and skips what is already installed.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: setup test nightly sandbox chromium clean

setup: $(INSTALLED) chromium

$(INSTALLED): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	@touch $@

chromium:
	@scripts/ensure-chromium

test: setup
	$(BIN)/python -m pytest

nightly: setup
	$(BIN)/vmqa nightly --env local

sandbox: setup
	$(BIN)/vmqa sandbox

clean:
	rm -rf $(VENV) reports
