# Meister Hub — `make run` serves the platform, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/test
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test bench lint lock vendor font-deps browser-deps scale-deps scale-drill clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# Every Python package comes pinned from the lock files (requirements/); the project itself is
# installed on top without resolving again.
$(VENV)/.deps: requirements/run.txt pyproject.toml | $(PY)
	$(PIP) install --quiet -r requirements/run.txt
	$(PIP) install --quiet --no-deps -e .
	touch $@

$(VENV)/.test-deps: requirements/test.txt $(VENV)/.deps
	$(PIP) install --quiet -r requirements/test.txt
	$(PIP) install --quiet --no-deps -e .
	touch $@

# `make lock` re-resolves the lock files from pyproject.toml (Linux x86_64, Python 3.11) with
# pip-tools in a venv of its own, keeping each pin that still fits; `make lock UPGRADE=1` takes
# the newest releases inside pyproject's bounds. test.txt is held to run.txt's pins.
LOCK_VENV := $(VENV)/pip-tools
PIP_COMPILE := CUSTOM_COMPILE_COMMAND="make lock" $(LOCK_VENV)/bin/pip-compile --quiet \
	--strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links $(if $(UPGRADE),--upgrade)
lock:
	@test -x $(LOCK_VENV)/bin/pip-compile || \
		($(PYTHON) -m venv $(LOCK_VENV) && $(LOCK_VENV)/bin/pip install --quiet 'pip-tools>=7.4,<8')
	$(PIP_COMPILE) --output-file requirements/run.txt pyproject.toml
	$(PIP_COMPILE) --extra test --constraint requirements/run.txt \
		--output-file requirements/test.txt pyproject.toml

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
	$(VENV)/bin/pytest --durations=15
	@if $(PY) scripts/pg_reachable.py "$(PG_TEST_URL)"; then \
		echo "== PostgreSQL reachable: running the suite again on PostgreSQL =="; \
		DATABASE_URL="$(PG_TEST_URL)" $(VENV)/bin/pytest --durations=15; \
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
	rm -rf $(VENV) node_modules meisterhub/static/vendor db.sqlite3 staticfiles
