# WageWatch: `make run` serves the demo site; `make test` runs lint and every test.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | sha1sum | cut -c1-12)
PORT ?= 8000
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/wagewatch
TEST_BROKER_URL ?= redis://127.0.0.1:6379/0

.PHONY: run test lint venv services system-deps messages bench check-deploy vendor clean

venv: $(STAMP)
$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements-dev.txt
	rm -f $(VENV)/.installed-* && touch $@

# Serves the site with a real Celery worker and beat (Procfile, run by honcho). Defaults: SQLite and
# a filesystem broker under var/; set DATABASE_URL / CELERY_BROKER_URL for PostgreSQL and Redis.
run: venv
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo --if-empty
	$(BIN)/python manage.py sync_schedules
	PORT=$(PORT) PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/honcho start -f Procfile

# Debian packages the tests need: chromium for the browser tests, docker-compose (v1, without
# the engine) to validate docker-compose.yml offline, gettext for compilemessages, a TrueType CJK
# font that PDFs embed (ReportLab cannot embed Noto CJK's CFF outlines).
system-deps:
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v msgfmt >/dev/null || missing="$$missing gettext"; \
	command -v pdftotext >/dev/null || missing="$$missing poppler-utils"; \
	test -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc || missing="$$missing fonts-wqy-zenhei"; \
	if [ -n "$$missing" ]; then apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; fi
	@command -v docker-compose >/dev/null || { apt-get update -q && DEBIAN_FRONTEND=noninteractive \
	  apt-get install -y -q --no-install-recommends docker-compose; }

# Starts PostgreSQL and Redis when they are down (commands from DEVELOPERS.md).
services:
	@pg_isready -q -h 127.0.0.1 -p 5432 || pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql) main start
	@for i in $$(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done; pg_isready -h 127.0.0.1 -p 5432
	@redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 || redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
	@for i in $$(seq 1 30); do redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 && break; sleep 1; done; redis-cli -h 127.0.0.1 ping

lint: venv
	$(BIN)/ruff check .

test: venv system-deps services lint
	DATABASE_URL=$(TEST_DATABASE_URL) CELERY_BROKER_URL=$(TEST_BROKER_URL) \
	  $(BIN)/pytest -q -p no:randomly

messages: venv
	$(BIN)/python manage.py makemessages -l zh_Hans -l en --no-obsolete --ignore=.venv --ignore=var --ignore=static
	$(BIN)/python manage.py compilemessages --ignore=.venv

bench: venv services
	DATABASE_URL=$(TEST_DATABASE_URL) LOG_LEVEL=WARNING $(BIN)/python -m benchmarks

check-deploy: venv
	DJANGO_DEBUG=false SECRET_KEY=$$(head -c 48 /dev/urandom | base64) FIELD_ENCRYPTION_KEYS=$$($(BIN)/python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())') \
	  BLIND_INDEX_KEY=x ALLOWED_HOSTS=wagewatch.example PROXY_COUNT=1 $(BIN)/python manage.py check --deploy --fail-level WARNING

vendor:
	tools/vendor/update.sh

clean:
	rm -rf var/staticfiles
