# Everything a fresh machine with Python 3.11+ needs: `make serve` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test bench clean

$(BIN)/mkdocs: requirements.txt requirements-test.txt constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt -r requirements-test.txt -c constraints.txt
	touch $@

# Browser tests drive Debian's Chromium (Playwright cannot download its own here).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

/usr/bin/chromium:
	$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null

serve: $(BIN)/mkdocs
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

build: $(BIN)/mkdocs
	$(BIN)/mkdocs build --strict

test: $(BIN)/mkdocs /usr/bin/chromium
	$(BIN)/pytest

bench: $(BIN)/mkdocs /usr/bin/chromium
	$(BIN)/python scripts/bench.py

clean:
	rm -rf site .pytest_cache
