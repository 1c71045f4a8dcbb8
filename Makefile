# Everything a fresh machine with Python 3.11+ needs: `make serve` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check offline test bench bench-search check-links java clean

$(BIN)/mkdocs: requirements.txt requirements-test.txt constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt -r requirements-test.txt -c constraints.txt
	touch $@

# Browser tests drive Debian's Chromium (Playwright cannot download its own here).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_INSTALL := $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq

/usr/bin/chromium:
	$(SUDO) apt-get update -qq && $(APT_INSTALL) chromium >/dev/null

# make bench counts a build's instructions with Valgrind (scripts/bench.py).
/usr/bin/valgrind:
	$(SUDO) apt-get update -qq && $(APT_INSTALL) valgrind >/dev/null

# The HTML checker (vnu.jar) needs Java: Debian's, installed only when none is on the PATH.
java:
	@command -v java >/dev/null || { $(SUDO) apt-get update -qq && $(APT_INSTALL) default-jre-headless >/dev/null; }

# npm tools, exact pins from package-lock.json: vnu-jar (tests), lighthouse (bench).
# --ignore-scripts: vnu-jar's postinstall would download a JDK from outside the npm registry;
# Debian's Java (the java target) is used instead.
node_modules: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

serve: $(BIN)/mkdocs
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

build: $(BIN)/mkdocs
	$(BIN)/mkdocs build --strict

# The offline copy: one zip that works opened from disk (file://), search included.
offline: $(BIN)/mkdocs
	rm -rf site-offline
	OFFLINE=true $(BIN)/mkdocs build --strict --site-dir site-offline
	$(BIN)/python scripts/make_zip.py site-offline summit-notes-offline.zip

# The fast loop: the core's unit tests, then a strict build (seconds, no browser).
check: $(BIN)/mkdocs
	$(BIN)/pytest -q tests/unit
	$(BIN)/mkdocs build --strict

test: $(BIN)/mkdocs /usr/bin/chromium java node_modules
	$(BIN)/pytest

bench: $(BIN)/mkdocs /usr/bin/chromium /usr/bin/valgrind node_modules
	$(BIN)/python scripts/bench.py

bench-search: $(BIN)/mkdocs /usr/bin/chromium
	$(BIN)/python scripts/bench_search.py

# Every external link of the strict build and of references.bib. Needs the network, so it is not
# part of make test (only its unit tests are); the Pages workflow runs it weekly.
check-links: build
	$(BIN)/python scripts/check_links.py --site site --bib references.bib

clean:
	rm -rf site site-offline summit-notes-offline.zip .pytest_cache test-artifacts
