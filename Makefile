# The portal's everyday commands. `make help` lists them.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py

.DEFAULT_GOAL := help
.PHONY: help run dev test lint check seed opensearch-start opensearch-stop messages clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  %-18s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed

# `make run PORT=8080` / `make dev PORT=8080`: the port to serve on (PUBLIC_BASE_URL follows it).
PORT ?= 8000
LOCAL := DJANGO_SETTINGS_MODULE=portal.settings.local PORT=$(PORT)
DEV := DJANGO_SETTINGS_MODULE=portal.settings.dev PORT=$(PORT)

run: $(VENV)/.installed ## Install, migrate, load the seed, serve http://127.0.0.1:8000/ as visitors see it (DEBUG off) with the background worker
	$(LOCAL) $(MANAGE) migrate --noinput
	$(LOCAL) $(MANAGE) load_seed
	$(LOCAL) $(MANAGE) collectstatic --noinput --verbosity 0
	$(LOCAL) $(MANAGE) ensure_admin
	$(LOCAL) $(MANAGE) schedule_daily
	$(LOCAL) bin/serve

dev: $(VENV)/.installed ## The same for development: DEBUG on, runserver reloads on every change
	$(DEV) $(MANAGE) migrate --noinput
	$(DEV) $(MANAGE) load_seed
	$(DEV) $(MANAGE) ensure_admin
	$(DEV) $(MANAGE) schedule_daily
	$(DEV) bin/serve dev

test: $(VENV)/.installed-dev ## Run the whole test suite (honours DATABASE_URL and OPENSEARCH_URL)
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-dev ## Ruff: lint and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check: $(VENV)/.installed-dev ## Django checks: system, deploy (production settings), migrations
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=portal.settings.production SECRET_KEY=$$(head -c 48 /dev/urandom | base64) \
	  ALLOWED_HOSTS=portal.example $(MANAGE) check --deploy --fail-level WARNING

seed: $(VENV)/.installed ## Load the seed content again (add ARGS=--refresh to overwrite seeded pages)
	$(MANAGE) load_seed $(ARGS)

messages: $(VENV)/.installed-dev ## Update the ru/en gettext catalogs and compile them
	$(MANAGE) makemessages --locale ru --locale en --ignore '.venv/*' --ignore 'var/*'
	$(MANAGE) compilemessages --ignore '.venv/*'

opensearch-start: ## Start a local OpenSearch node from Maven Central on 127.0.0.1:9201
	bash .ci/opensearch/start.sh

opensearch-stop: ## Stop it
	bash .ci/opensearch/stop.sh

clean: ## Remove the virtual environment, the SQLite database and local media
	rm -rf $(VENV) db.sqlite3 var
