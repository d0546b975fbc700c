# Meister Hub — `make run` serves the platform, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/test
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test bench lint vendor font-deps browser-deps scale-deps scale-drill clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.deps: pyproject.toml | $(PY)
	$(PIP) install --quiet -e .
	touch $@

$(VENV)/.test-deps: pyproject.toml $(VENV)/.deps
	$(PIP) install --quiet -e '.[test]'
	touch $@

# KRDS and htmx come from the npm registry and are copied into static/ at build (no CDN).
vendor: meisterhub/static/vendor/.stamp
meisterhub/static/vendor/.stamp: package.json package-lock.json scripts/vendor_static.py | $(PY)
	npm ci --no-audit --no-fund --loglevel=error
	$(PY) scripts/vendor_static.py
	touch $@

# Debian packages: Korean fonts for PDF reports, chromium and poppler for browser and report tests.
font-deps:
	@test -f /usr/share/fonts/truetype/nanum/NanumGothic.ttf || \
		(apt-get update -qq && apt-get install -y -qq fonts-nanum)

browser-deps: font-deps
	@test -x /usr/bin/chromium -a -x /usr/bin/pdftotext || \
		(apt-get update -qq && apt-get install -y -qq chromium poppler-utils)

run: $(VENV)/.deps vendor font-deps
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	@echo "== web http://$(HOST):$(PORT), background worker and clock: Ctrl-C stops all three =="
	SITE_URL=$${SITE_URL:-http://$(HOST):$(PORT)} RUN_ADDR=$(HOST):$(PORT) $(VENV)/bin/honcho -f Procfile.dev start

test: $(VENV)/.test-deps vendor browser-deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/pytest
	@if $(PY) scripts/pg_reachable.py "$(PG_TEST_URL)"; then \
		echo "== PostgreSQL reachable: running the suite again on PostgreSQL =="; \
		DATABASE_URL="$(PG_TEST_URL)" $(VENV)/bin/pytest; \
	else echo "== PostgreSQL not reachable: suite ran on SQLite only =="; fi

bench: $(VENV)/.test-deps vendor
	@$(PY) bench/run.py

# The scale drill (docs/operations.md "Scale drill and capacity"): Debian's PostgreSQL server,
# Redis and HAProxy on loopback; exits non-zero when a rule broke. DRILL_ARGS="--pin-seconds 0"
# switches pinning off to see it fail.
scale-deps:
	@test -x /usr/sbin/haproxy -a -x /usr/bin/redis-server || \
		(apt-get update -qq && apt-get install -y -qq haproxy redis-server)
	@ls /usr/lib/postgresql/*/bin/initdb /usr/lib/postgresql/*/bin/pg_basebackup >/dev/null 2>&1 || \
		(apt-get update -qq && apt-get install -y -qq postgresql)

scale-drill: $(VENV)/.test-deps vendor font-deps scale-deps
	$(PY) -m bench.scale.drill $(DRILL_ARGS)

lint: $(VENV)/.test-deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

clean:
	rm -rf $(VENV) node_modules meisterhub/static/vendor db.sqlite3
