# Keep in Pact: `make help` lists the targets.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
LANGS := fr pt it hr
HOST ?= 127.0.0.1
PORT ?= 8000
# `make run` shows the site as visitors get it (translated 404 and 500 pages);
# `DEBUG=true make run` gives Django's debug pages instead.
DEBUG ?= false
# The site's address for absolute links (hreflang, sitemap, iCalendar), used
# when load_content creates the site; it follows HOST and PORT.
WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)
export WAGTAILADMIN_BASE_URL
# `make test` runs the PostgreSQL-only tests here when DATABASE_URL is not set (tests use test_keepinpact_*).
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/keepinpact

.DEFAULT_GOAL := help
.PHONY: help run test lint format messages compile-messages bench bench-pdf stack stack-stop archive backup restore clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(VENV)/bin/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.runtime $@

compile-messages: $(VENV)/.runtime ## Compile the .po catalogues (GNU msgfmt if installed, else polib)
	@if command -v msgfmt >/dev/null 2>&1; then \
		$(MANAGE) compilemessages --ignore=.venv --ignore=static --ignore=media -v0; \
	else \
		$(MANAGE) compile_po; \
	fi

run: $(VENV)/.runtime compile-messages ## Install, migrate, load the real content and serve http://127.0.0.1:8000/
	$(MANAGE) migrate --noinput
	$(MANAGE) load_content
	$(MANAGE) ensure_admin
	@echo "Site: http://$(HOST):$(PORT)/  Admin: http://$(HOST):$(PORT)/admin/"
	DEBUG=$(DEBUG) $(MANAGE) runserver $(HOST):$(PORT)

test: $(VENV)/.dev compile-messages ## Run the whole test suite in parallel (SQLite, and the PostgreSQL-only tests on PostgreSQL if one answers; all on PostgreSQL when DATABASE_URL is set)
	PG_TEST_URL=$(PG_TEST_URL) tests/run.sh $(PYTEST_ARGS)

lint: $(VENV)/.dev ## ruff check and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.dev ## Fix what ruff can fix and format the code
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: $(VENV)/.dev ## Update the UI strings' .po files of every language
	$(MANAGE) makemessages $(addprefix -l ,$(LANGS)) --ignore=.venv --ignore=static --ignore=media --ignore=tests --no-obsolete

bench: $(VENV)/.dev compile-messages ## All benchmarks: pages through Varnish / page cache / uncached (make stack), translation coverage, search (PostgreSQL)
	$(MANAGE) migrate --noinput -v0
	$(MANAGE) load_content >/dev/null
	$(BIN)/python bench/http_bench.py
	ALLOWED_HOSTS=localhost $(MANAGE) bench_translation_coverage
	$(BIN)/python bench/search_bench.py $(BENCH_ARGS)

stack: $(VENV)/.runtime compile-messages ## Production-like stack: 2 gunicorn app servers + Varnish (PostgreSQL, Redis running)
	$(BIN)/python bench/stack.py start

stack-stop: ## Stop what `make stack` started
	$(BIN)/python bench/stack.py stop

bench-pdf: $(VENV)/.dev compile-messages ## PDF build time, size and pages of each language's guide and summary report
	$(MANAGE) migrate --noinput -v0
	$(MANAGE) load_content >/dev/null
	$(BIN)/python bench/pdf_bench.py $(BENCH_ARGS)

# The static archive (static_archive app): folder and zip; ARCHIVE_ARGS="--base-url https://... --to s3://bucket/prefix".
ARCHIVE_DIR ?= archive
archive: $(VENV)/.runtime compile-messages ## The whole public site as static files in $(ARCHIVE_DIR)/ and $(ARCHIVE_DIR).zip, with search, checked
	$(MANAGE) archive_site --output "$(ARCHIVE_DIR)" $(ARCHIVE_ARGS)

backup: $(VENV)/.runtime ## Back up the database and the media into a dated folder of BACKUP_DIR (default: backups/)
	$(MANAGE) backup

restore: $(VENV)/.runtime ## Restore a backup into an empty database and media store: make restore FROM=backups/<date>
	@test -n "$(FROM)" || { echo "Usage: make restore FROM=backups/<date>" >&2; exit 2; }
	$(MANAGE) restore "$(FROM)"

clean: ## Remove the virtualenv, the SQLite database and uploaded media
	rm -rf $(VENV) db.sqlite3 media static
