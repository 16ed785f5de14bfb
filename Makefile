# The two commands of the README: `make run` and `make test`. Each makes .venv when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench score score-wikinews clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

## Start the dashboard on http://127.0.0.1:8000 (migrates and loads seeds/ on first start)
run: $(STAMP)
	$(BIN)/dossier serve

## Run the whole test suite (installs Debian's chromium for the browser tests when missing)
## and the database tests on SQLite and on PostgreSQL (installed and started under /tmp when missing)
test: $(STAMP)
	scripts/ensure-chromium
	scripts/ensure-postgres
	DOSSIER_TEST_POSTGRES_URL="postgresql+psycopg://postgres@/postgres?host=$${DOSSIER_PG_DIR:-/tmp/dossier-pg}" \
	  $(BIN)/python -m pytest -n 2

lint: $(STAMP)
	$(BIN)/ruff check app tests scripts

## The extractor's figures on the seeds and on the 700 Wikinews articles
score: $(STAMP)
	$(BIN)/python ../shared/eval/score.py --quiet --gold ../shared/eval/gold/seeds \
	  --registry ../shared/eval/gold/registry.json --articles ../shared/seeds --cmd "$(BIN)/dossier extract --jsonl"

score-wikinews: $(STAMP)
	$(BIN)/python ../shared/eval/score.py --quiet --gold ../shared/eval/spkatt-train/gold \
	  --registry ../shared/eval/gold/registry.json --articles ../shared/eval/spkatt-train/articles \
	  --cmd "$(BIN)/dossier extract --jsonl"

clean:
	rm -rf $(VENV) data
