# Two commands: `make run` (portal with demo data, SQLite, no Redis needed) and `make test`.
PYTHON ?= python3.11
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# The dev server runs with DEBUG on and the demo password: this machine only, unless HOST=0.0.0.0 is asked for.
HOST ?= 127.0.0.1
export DJANGO_SETTINGS_MODULE ?= portal.settings.dev

.PHONY: run test install lint check migrate demo worker web beat bench bench-load bench-import clean messages browser-tools

$(VENV)/.installed: requirements.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is required ($(PYTHON) not found; set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

install: $(VENV)/.installed

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py seed_demo --port $(PORT)

## Serve the portal with demo data at http://localhost:$(PORT)/ plus a Celery worker with beat.
run: demo
	HOST=$(HOST) PORT=$(PORT) PY=$(PY) bash scripts/run_dev.sh

## Run the whole test suite (PostgreSQL/Redis when DATABASE_URL/REDIS_URL are set, else SQLite).
test: install browser-tools
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) -m pytest

## Debian's chromium (Playwright is told where it is; it never downloads a browser) and Java (the HTML
## validator) for tests/browser, nginx with its brotli and cache-purge modules for tests/portal/test_nginx_config.py,
## from apt when missing (a command, or a module's file).
NGINX_MODULES := /usr/lib/nginx/modules
browser-tools:
	@for tool in chromium:chromium java:default-jre-headless nginx:nginx \
	  $(NGINX_MODULES)/ngx_http_brotli_filter_module.so:libnginx-mod-http-brotli-filter \
	  $(NGINX_MODULES)/ngx_http_brotli_static_module.so:libnginx-mod-http-brotli-static \
	  $(NGINX_MODULES)/ngx_http_cache_purge_module.so:libnginx-mod-http-cache-purge; do \
	  case $${tool%%:*} in /*) test -e $${tool%%:*};; *) command -v $${tool%%:*} >/dev/null 2>&1;; esac || { \
	  echo "Installing $${tool#*:} for the tests"; apt-get install -y -qq $${tool#*:} >/dev/null 2>&1 || \
	  { apt-get update -qq && apt-get install -y -qq $${tool#*:}; }; }; done

## Ruff, then the import direction between apps (the contracts in pyproject.toml, docs/architecture.md).
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache --no-logo

check: install
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

web: install
	$(PY) manage.py runserver $(HOST):$(PORT)

worker: install
	$(VENV)/bin/celery -A portal worker --loglevel=INFO

beat: install
	$(VENV)/bin/celery -A portal beat --loglevel=INFO

## Re-extract UI strings, apply scripts/vi_translations.py (vi) and scripts/en_catalog.py (en), compile both.
messages: install
	$(PY) manage.py makemessages -l vi -l en --no-obsolete -i .venv -i var -i static
	$(PY) scripts/vi_translations.py portal/locale/vi/LC_MESSAGES/django.po
	$(PY) scripts/en_catalog.py portal/locale/en/LC_MESSAGES/django.po
	$(PY) manage.py compilemessages -l vi -l en -i .venv

clean:
	rm -rf var/ .pytest_cache

## Back up the database and media into $(BACKUP_DIR)/portal-backup-<time>/ (checksums in its manifest.json);
## restore with `make restore BACKUP=<that folder>` (FORCE=1 replaces a database/media that is not empty).
## Outside var/, which `make clean` deletes. See README "Backup and restore".
BACKUP_DIR ?= backups
.PHONY: backup restore
backup: install
	$(PY) manage.py backup_portal --output $(BACKUP_DIR)

restore: install
	@test -n "$(BACKUP)" || { echo "usage: make restore BACKUP=$(BACKUP_DIR)/portal-backup-YYYYmmdd-HHMMSS [FORCE=1]"; exit 2; }
	$(PY) manage.py restore_portal $(BACKUP) $(if $(FORCE),--force)

## Benchmarks (results in docs/benchmarks.md)
bench: install
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) benchmarks/bench_pages.py
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) benchmarks/bench_news.py
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) benchmarks/bench_schedule.py
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) benchmarks/bench_documents.py
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) benchmarks/bench_search.py
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) benchmarks/bench_statistics.py
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) benchmarks/bench_questions.py

## Importing 20,000 NukeViet articles (about 20 minutes; needs MariaDB: MARIADB_URL, default root@127.0.0.1:3306)
bench-import: install
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) benchmarks/bench_import_nukeviet.py

## Throughput over HTTP: gunicorn with and without the page cache, nginx's micro-cache, driven by wrk
## (needs DATABASE_URL and REDIS_URL: PostgreSQL and Redis; wrk and nginx from apt)
bench-load: install
	$(PY) benchmarks/bench_load.py --nginx
