# Two commands on a fresh machine: `make crawl` (or `make demo` offline) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml replica/pyproject.toml | cksum | cut -d' ' -f1)
STORE ?= file://./data
# Test processes: the suite mostly waits on the servers it starts, so more workers than cores pays off.
TEST_WORKERS ?= 3

.PHONY: venv system-deps crawl demo test lint typecheck unit bench docker lock pin-base clean

$(STAMP): pyproject.toml replica/pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m pip install --quiet --no-deps -e ./replica
	rm -f $(VENV)/.installed-*
	touch $@

venv: $(STAMP)

## crawl the real portals into ./data (needs the internet)
crawl: $(STAMP)
	$(BIN)/crawler crawl --all --store $(STORE) --stats-json data/last-run.json

## the same, offline, against the local replica of the portals
demo: $(STAMP)
	$(BIN)/crawler demo --store file://./data/demo --stats-json data/demo-run.json

## the whole suite: lint, types, tests (installs the programs some tests drive: chromium, redis-server)
test: lint typecheck unit

system-deps:
	bash scripts/system-deps.sh

lint: $(STAMP)
	$(BIN)/ruff check crawler spiders pipelines replica tests bench
	$(BIN)/ruff format --check crawler spiders pipelines replica tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP) system-deps
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS) --durations=10

bench: $(STAMP)
	$(BIN)/python bench/extract.py
	$(BIN)/python bench/crawl.py
	$(BIN)/python bench/nightly.py
	$(BIN)/python bench/dates.py
	$(BIN)/python bench/store.py
	$(BIN)/python bench/dedupe.py
	$(BIN)/python bench/dedupe_near.py
	$(BIN)/python bench/discovery.py
	$(BIN)/python bench/faults.py
	$(BIN)/python bench/scale.py

docker:
	docker build -t vn-news-crawler .

# The image's lock: pyproject.toml's runtime dependencies (not the dev extra) and the build backend, each
# pinned with the sha256 of every file PyPI has for that version (x86_64 and aarch64 wheels alike). pip-tools
# runs from a throwaway venv and reads PyPI only (no local pip.conf, find-links or mirrors), under Python 3.11,
# the image's. Existing pins are kept: `make lock LOCK_ARGS=--upgrade` (or --upgrade-package NAME) moves them.
LOCK_PYTHON ?= $(PYTHON)
LOCK_INDEX ?= https://pypi.org/simple
LOCK_ARGS ?=
LOCK_TOOLS := pip==26.3 pip-tools==7.6.2

## regenerate requirements.lock (with hashes) from pyproject.toml, for the image
lock:
	@$(LOCK_PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' \
		|| { echo "make lock: needs Python 3.11, the image's (LOCK_PYTHON=python3.11)" >&2; exit 1; }
	@set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	clean_pip="env -u PIP_FIND_LINKS -u PIP_EXTRA_INDEX_URL -u PIP_INDEX_URL -u PIP_CONSTRAINT PIP_CONFIG_FILE=/dev/null"; \
	$(LOCK_PYTHON) -m venv "$$tmp/venv"; \
	$$clean_pip "$$tmp/venv/bin/python" -m pip install --quiet --index-url $(LOCK_INDEX) $(LOCK_TOOLS); \
	$$clean_pip CUSTOM_COMPILE_COMMAND="make lock" "$$tmp/venv/bin/pip-compile" --quiet \
		--generate-hashes --strip-extras --allow-unsafe --build-deps-for wheel \
		--index-url $(LOCK_INDEX) --no-emit-index-url --no-emit-find-links --cache-dir "$$tmp/cache" \
		$(LOCK_ARGS) --output-file requirements.lock pyproject.toml; \
	{ printf '%s\n' \
		"# The Docker image's dependencies, exactly: pip install --require-hashes --no-deps -r requirements.lock." \
		"# Made by 'make lock' ($(LOCK_TOOLS) in a throwaway venv, Python 3.11, PyPI only) from" \
		"# pyproject.toml's [project] dependencies and its build backend (setuptools); every file PyPI has for" \
		"# each pinned version is hashed, so the image builds on linux/amd64 and linux/arm64. Edit pyproject.toml," \
		"# then run 'make lock'; never edit this file by hand (tests/test_lockfile.py checks it against pyproject)."; \
	  cat requirements.lock; } > "$$tmp/lock" && mv "$$tmp/lock" requirements.lock

# The base image by digest. Docker Hub is needed to read it: run this where `docker` reaches the registry.
BASE_TAG := python:3.11-slim

## pin the Dockerfile's base image to the current digest of python:3.11-slim (needs Docker Hub)
pin-base:
	@set -e; \
	digest=$$(docker buildx imagetools inspect $(BASE_TAG) --format '{{json .Manifest.Digest}}' 2>/dev/null | tr -d '"'); \
	if [ -z "$$digest" ]; then \
		digest=$$( (docker pull --quiet $(BASE_TAG) >/dev/null && docker image inspect \
			--format '{{range .RepoDigests}}{{println .}}{{end}}' $(BASE_TAG)) | sed -n 's/^python@//p' | head -n 1); \
	fi; \
	echo "$$digest" | grep -Eq '^sha256:[0-9a-f]{64}$$' \
		|| { echo "make pin-base: no digest for $(BASE_TAG) (is Docker Hub reachable?)" >&2; exit 1; }; \
	sed -E 's#^FROM $(BASE_TAG)(@sha256:[0-9a-f]{64})?( |$$)#FROM $(BASE_TAG)@'"$$digest"'\2#' Dockerfile > Dockerfile.pinned; \
	mv Dockerfile.pinned Dockerfile; \
	grep '^FROM ' Dockerfile

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
