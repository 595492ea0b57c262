# Less equal — every task a newcomer needs. `make run` and `make test` do all set-up.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PORT ?= 8000
VENV := .venv
VPY := $(VENV)/bin/python
# The first Python 3.12+ on PATH (pyenv reads .python-version); empty when there is none.
PYTHON ?= $(shell for p in python3.13 python3.12 python3 python; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1 \
	&& { command -v $$p; break; }; done)
LOCAL := DJANGO_SETTINGS_MODULE=advocacy.settings.local CACHE_URL=$${CACHE_URL-redis://127.0.0.1:6379/1}
MANAGE_LOCAL := $(LOCAL) $(VPY) manage.py

.PHONY: help run dev setup test lint format bench clean check-python screenshots admin-code

help:
	@echo "make run     set everything up and serve the site as production does, on http://127.0.0.1:$(PORT)"
	@echo "make test    install test tools and run the whole suite (browser tests included)"
	@echo "make dev     Django's auto-reloading server with DEBUG on"
	@echo "make setup   everything 'run' does except serving"
	@echo "make screenshots  refresh the README's screenshots (docs/screenshots) from the browser tests"
	@echo "make admin-code   the local admin's current two-factor sign-in code"
	@echo "make lint | make format | make bench | make clean"

check-python:
	@if [ -z "$(PYTHON)" ]; then echo "Python 3.12 or newer is needed: install it (e.g. 'pyenv install 3.12') and try again." >&2; exit 1; fi

$(VENV)/.installed: pyproject.toml | check-python
	@test -x $(VPY) || $(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install --quiet --upgrade pip
	$(VPY) -m pip install --quiet ".[dev]"
	@touch $@

install: $(VENV)/.installed

setup: install
	@$(MANAGE_LOCAL) preflight
	$(MANAGE_LOCAL) migrate --noinput -v0
	$(MANAGE_LOCAL) collectstatic --noinput -v0
	$(MANAGE_LOCAL) load_demo_content
	@$(MANAGE_LOCAL) ensure_local_admin

run: install
	@$(MANAGE_LOCAL) preflight --port $(PORT)
	@$(MAKE) --no-print-directory setup
	@echo "Serving on http://127.0.0.1:$(PORT)/ (admin: http://127.0.0.1:$(PORT)/admin/) — Ctrl-C stops it."
	@# The background worker (quote cards, sign requests) runs beside gunicorn and stops with it;
	@# -v 0 keeps one line per task out of the console (the tasks log their own failures).
	@# No access log: it would tie readers' and signers' addresses to what they read and sign.
	@$(LOCAL) $(VPY) manage.py db_worker --no-startup-delay --interval 0.2 -v 0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(LOCAL) $(VENV)/bin/gunicorn advocacy.wsgi --bind 127.0.0.1:$(PORT) --workers 2 --error-logfile -

dev: install
	@$(VPY) manage.py preflight --port $(PORT)
	$(VPY) manage.py migrate --noinput -v0
	$(VPY) manage.py load_demo_content
	@$(VPY) manage.py ensure_local_admin
	@$(VPY) manage.py db_worker --no-startup-delay --interval 0.2 -v 0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(VPY) manage.py runserver 127.0.0.1:$(PORT)

test: install
	@test -x /usr/bin/chromium || echo "Note: /usr/bin/chromium is missing; browser tests will skip (apt-get install -y chromium)."
	$(VPY) -m pytest -n auto $(PYTEST_ARGS)

screenshots: install
	SCREENSHOT_DIR=docs/screenshots $(VPY) -m pytest -q tests/e2e/test_visitor.py tests/e2e/test_actions.py

admin-code: install
	@$(MANAGE_LOCAL) ensure_local_admin --code

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: install
	$(VPY) bench/run.py

clean:
	rm -rf $(VENV) var
