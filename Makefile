# Less equal — every task a newcomer needs. `make run` and `make test` do all set-up.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PORT ?= 8000
# The address `make run` and `make dev` serve, which every absolute URL on the site names
# (canonical links, the sitemap, feeds, citations, emails); setup writes it to Wagtail's Site.
# Set it yourself when readers reach the site by another address (a proxy in front).
PUBLIC_URL ?= http://127.0.0.1:$(PORT)
VENV := .venv
VPY := $(VENV)/bin/python
# The first Python 3.12+ on PATH (pyenv reads .python-version); empty when there is none.
PYTHON ?= $(shell for p in python3.13 python3.12 python3 python; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1 \
	&& { command -v $$p; break; }; done)
LOCAL := DJANGO_SETTINGS_MODULE=advocacy.settings.local CACHE_URL=$${CACHE_URL-redis://127.0.0.1:6379/1} \
	PUBLIC_URL=$(PUBLIC_URL)
MANAGE_LOCAL := $(LOCAL) $(VPY) manage.py

.PHONY: help run dev setup install install-runtime system-libs lock test lint format bench bench-launch clean check-python screenshots admin-code messages messages-compile

help:
	@echo "make run     set everything up and serve the site as production does, on http://127.0.0.1:$(PORT)"
	@echo "make test    install test tools and run the whole suite (browser tests included)"
	@echo "make dev     Django's auto-reloading server with DEBUG on"
	@echo "make setup   everything 'run' does except serving"
	@echo "make screenshots  refresh the README's screenshots (docs/screenshots) from the browser tests"
	@echo "make admin-code   the local admin's current two-factor sign-in code"
	@echo "make lock    re-pin requirements/*.txt (with hashes) after changing pyproject.toml"
	@echo "make messages  collect new interface strings into locale/*/django.po, list the untranslated"
	@echo "make bench   queries per page, PDF/EPUB build times and sizes, then req/s uncached, cached in the app and through Varnish"
	@echo "make lint | make format | make bench-launch | make clean"

check-python:
	@if [ -z "$(PYTHON)" ]; then echo "Python 3.12 or newer is needed: install it (e.g. 'pyenv install 3.12') and try again." >&2; exit 1; fi

# Dependencies come only from the lock files (pip-compile --generate-hashes, see `make lock`):
# every package pinned, pip included, and each file checked against its hash. The runtime set
# (requirements/base.txt) is all `make run` needs; `make install` adds the test and lint tools
# (requirements/dev.txt, the same pins plus the dev extras). The project itself is not
# installed: it runs from this checkout.
PIP_INSTALL := $(VPY) -m pip install --quiet --require-hashes --no-deps
LOCK := CUSTOM_COMPILE_COMMAND="make lock" $(VENV)/bin/pip-compile --quiet --generate-hashes \
	--strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links $(LOCK_ARGS)

$(VENV)/bin/python: | check-python
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed-runtime: requirements/base.txt | $(VENV)/bin/python
	$(PIP_INSTALL) -r requirements/base.txt
	@touch $@

$(VENV)/.installed-dev: requirements/dev.txt | $(VENV)/bin/python
	$(PIP_INSTALL) -r requirements/dev.txt
	@touch $@ $(VENV)/.installed-runtime

install-runtime: system-libs $(VENV)/.installed-runtime messages-compile

# The HTML validator the tests run (vnu, a Java jar from the npm package vnu-jar), exactly as
# package-lock.json pins it; its install script (which would download a Java) is not run: the
# tests use Debian's Java. Without npm the validator's tests skip (and fail under CI).
node_modules/.package-lock.json: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --ignore-scripts --no-audit --no-fund --loglevel=error; \
	else echo "Note: npm is missing; the HTML validator's tests will skip (apt-get install -y npm)."; fi

install: system-libs $(VENV)/.installed-dev messages-compile node_modules/.package-lock.json

# Interface translations: locale/<lang>/LC_MESSAGES/django.po is committed, the compiled .mo
# is not (.gitignore): it is built here whenever it is missing or older than its .po.
# msgfmt is Debian's gettext (apt-get install gettext).
MO_FILES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/*.po))

%.mo: %.po
	@command -v msgfmt >/dev/null || { echo "msgfmt is missing: install gettext (e.g. 'apt-get install gettext') and try again." >&2; exit 1; }
	msgfmt --check -o $@ $<

messages-compile: $(MO_FILES)

# After adding or changing strings in templates or Python: re-extract them (existing
# translations are kept; see advocacy/core/management/commands/makemessages.py), list what
# still needs a translation, and compile. Translate the listed msgids in the .po file
# (any PO editor, or by hand; "#, fuzzy" entries are guesses by msgmerge: check, then
# remove the flag) and run `make messages` again until nothing is listed.
messages: $(VENV)/.installed-runtime
	$(VPY) manage.py makemessages
	@for po in locale/*/LC_MESSAGES/django.po; do \
		todo=$$( { msgattrib --no-wrap --untranslated $$po; msgattrib --no-wrap --only-fuzzy $$po; } 2>/dev/null | grep '^msgid "[^"]' || true); \
		if [ -n "$$todo" ]; then echo "$$po: to translate or check:"; echo "$$todo" | sed 's/^/  /'; \
		else echo "$$po: every string is translated."; fi; \
	done
	@$(MAKE) --no-print-directory messages-compile

# The report's PDF (WeasyPrint) needs Pango and HarfBuzz, and fonts that set Latin, Cyrillic and
# Armenian (DejaVu; static/fonts has copies too). Installed with apt when missing and this is
# root on Debian/Ubuntu (as CI is); otherwise the command to run is printed.
WEASYPRINT_DEBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig fonts-dejavu-core
system-libs:
	@if ! /sbin/ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so.0' \
		|| [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ]; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "Installing WeasyPrint's system libraries and fonts: $(WEASYPRINT_DEBS)"; \
			export DEBIAN_FRONTEND=noninteractive; \
			apt-get update -qq && apt-get install -y -qq $(WEASYPRINT_DEBS) >/dev/null; \
		else \
			echo "Note: the report's PDF needs: sudo apt-get install $(WEASYPRINT_DEBS)" >&2; \
		fi; \
	fi

# After changing the dependencies in pyproject.toml: re-pin (keeping the other pins);
# `make lock LOCK_ARGS=--upgrade` moves every pin to the newest allowed release.
lock: install
	$(LOCK) -o requirements/base.txt pyproject.toml
	$(LOCK) --extra dev -c requirements/base.txt -o requirements/dev.txt pyproject.toml

setup: install-runtime
	@$(MANAGE_LOCAL) preflight
	$(MANAGE_LOCAL) migrate --noinput -v0
	$(MANAGE_LOCAL) collectstatic --noinput -v0
	$(MANAGE_LOCAL) load_demo_content
	@# The reports' PDF and EPUB, built by the worker `make run` starts (up-to-date ones are kept).
	@$(MANAGE_LOCAL) build_report_files -v0
	@$(MANAGE_LOCAL) ensure_local_admin

run: install-runtime
	@$(MANAGE_LOCAL) preflight --port $(PORT)
	@$(MAKE) --no-print-directory setup
	@echo "Serving on http://127.0.0.1:$(PORT)/ (admin: http://127.0.0.1:$(PORT)/admin/) — Ctrl-C stops it."
	@# The background worker (quote cards, sign requests) runs beside gunicorn and stops with it;
	@# -v 0 keeps one line per task out of the console (the tasks log their own failures).
	@# No access log: it would tie readers' and signers' addresses to what they read and sign.
	@$(LOCAL) $(VPY) manage.py db_worker --no-startup-delay --interval 0.2 -v 0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(LOCAL) $(VENV)/bin/gunicorn advocacy.wsgi --bind 127.0.0.1:$(PORT) --workers 2 --worker-class gthread --threads 4 --error-logfile -

dev: export PUBLIC_URL := $(PUBLIC_URL)
dev: install-runtime
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
	SCREENSHOT_DIR=docs/screenshots $(VPY) -m pytest -q tests/e2e/test_visitor.py tests/e2e/test_actions.py tests/e2e/test_quote_desk_phone.py \
		tests/e2e/test_embargo_links.py tests/e2e/test_release_bundle.py tests/e2e/test_safety_review.py

admin-code: install-runtime
	@$(MANAGE_LOCAL) ensure_local_admin --code

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Queries and sizes per page (bench/run.py), then the launch-day HTTP benchmark
# (bench/launch.py: uncached, in-app cache and Varnish against nginx, the code before the
# change in the same run, a soak through Varnish); `make bench-launch` runs only the latter.
bench: install
	$(VPY) bench/run.py
	$(VPY) bench/report_files.py
	$(VPY) bench/launch.py

bench-launch: install
	$(VPY) bench/launch.py

clean:
	rm -rf $(VENV) var node_modules
