# The README's commands. Everything runs from .venv, made from requirements-dev.txt.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
APT_PACKAGES := chromium poppler-utils gettext fonts-dejavu-core zbar-tools

.PHONY: run test lint format system-packages install migrate messages demo chaos scaled-smoke bench loadtest clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

install: system-packages $(VENV)/.installed

# Debian packages for browser tests, PDF checks and translations; installed when we may (root), else listed.
system-packages:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else echo "Please install:$$missing (sudo apt-get install$$missing)"; fi; \
	fi

messages: $(VENV)/.installed
	$(PY) manage.py compilemessages --ignore=.venv -v0

migrate: $(VENV)/.installed
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py createcachetable

demo: migrate messages
	$(PY) manage.py seed_demo

run: install demo
	JOBROAD_DEMO_SKIP_MFA=$${JOBROAD_DEMO_SKIP_MFA-1} $(PY) manage.py serve 127.0.0.1:8000

test: install messages
	$(PY) -m pytest $(PYTEST_ARGS)

# The outbox under faults: real worker + beat on PostgreSQL + Redis, kill -9 and a Redis restart mid-way.
chaos: $(VENV)/.installed
	$(PY) scripts/chaos.py

# The README's "Scaling out" block as written: fresh PostgreSQL database, migrate, gunicorn, a worker, beat, a loopback
# SMTP server; invites a person from the web UI and expects exactly one mail. Tears it all down.
scaled-smoke: $(VENV)/.installed
	$(PY) scripts/scaled_smoke.py

# Benchmarks as tables; DATABASE_URL=postgres://… to measure on PostgreSQL.
bench: $(VENV)/.installed messages
	$(PY) bench/run.py

# gunicorn + PostgreSQL + Redis on loopback with the national-scale data set, locust headless: every page against the
# logged-in floor (/floor/), then a stress stage adding users until p95 passes 500 ms; bench/loadtest.json. ~6 min.
loadtest: $(VENV)/.installed
	$(PY) -m pip install --quiet -r requirements-load.txt
	$(PY) scripts/loadtest.py

lint: $(VENV)/.installed
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/lint-imports

format: $(VENV)/.installed
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-wal db.sqlite3-shm staticfiles
