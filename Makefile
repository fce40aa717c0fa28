# Two commands on a fresh machine: `make crawl` (or `make demo` offline) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
STORE ?= file://./data
# Test processes: the suite mostly waits on the servers it starts, so more workers than cores pays off.
TEST_WORKERS ?= 3

.PHONY: venv system-deps crawl demo test lint typecheck unit bench docker clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
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
	$(BIN)/ruff check crawler spiders pipelines tests bench
	$(BIN)/ruff format --check crawler spiders pipelines tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP) system-deps
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS) --durations=10

bench: $(STAMP)
	$(BIN)/python bench/extract.py
	$(BIN)/python bench/crawl.py
	$(BIN)/python bench/dates.py
	$(BIN)/python bench/store.py
	$(BIN)/python bench/dedupe.py
	$(BIN)/python bench/dedupe_near.py
	$(BIN)/python bench/discovery.py
	$(BIN)/python bench/faults.py
	$(BIN)/python bench/scale.py

docker:
	docker build -t vn-news-crawler .

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
