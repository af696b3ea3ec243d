# `make run`: the portal with demo data at http://127.0.0.1:8000 (SQLite).
# `make test`: the whole test suite. Both set up what they need and are quick the second time.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.requirements-installed
AXE := node_modules/axe-core/axe.min.js
# Laksaman is the booklet's Thai font; WeasyPrint draws with Pango; poppler reads PDFs back.
RUN_DEBS := fonts-tlwg-laksaman-ttf poppler-utils libpango-1.0-0 libpangoft2-1.0-0
TEST_DEBS := $(RUN_DEBS) chromium

.PHONY: run test setup-run setup-test demo lint clean-db

run: setup-run
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	@echo ""
	@echo "Tidtam: http://127.0.0.1:8000/  (demo accounts, password 'demo' for all):"
	@$(PY) manage.py seed_demo --list-accounts
	$(PY) manage.py runserver 127.0.0.1:8000

test: setup-test
	$(VENV)/bin/pytest $(PYTEST_ARGS)

lint: $(INSTALLED)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	$(PY) manage.py makemigrations --check --dry-run

setup-run: $(INSTALLED)
	@bin/ensure-debian-packages $(RUN_DEBS)

setup-test: $(INSTALLED) $(AXE)
	@bin/ensure-debian-packages $(TEST_DEBS)

# axe-core, the accessibility rules the browser tests run in every page (from the npm registry).
$(AXE): package.json package-lock.json
	@command -v npm >/dev/null || bin/ensure-debian-packages nodejs npm
	npm ci --no-audit --no-fund --silent
	touch $@

$(PY):
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): requirements.txt | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

clean-db:
	rm -f db.sqlite3
