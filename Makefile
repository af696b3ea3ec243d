# `make run`: the portal with demo data at http://127.0.0.1:8000 (SQLite).
# `make test`: the whole test suite. Both set up what they need and are quick the second time.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.requirements-installed
# Laksaman is the booklet's Thai font; WeasyPrint draws with Pango; poppler reads PDFs back.
RUN_DEBS := fonts-tlwg-laksaman-ttf poppler-utils libpango-1.0-0 libpangoft2-1.0-0
TEST_DEBS := $(RUN_DEBS) chromium

.PHONY: run test setup-run setup-test demo lint clean-db messages

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
	$(PY) manage.py makemigrations --check --dry-run

setup-run: $(INSTALLED)
	@bin/ensure-debian-packages $(RUN_DEBS)

setup-test: $(INSTALLED)
	@bin/ensure-debian-packages $(TEST_DEBS)

$(PY):
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): requirements.txt | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

# Thai for Django's own validation messages (locale/th); the compiled .mo is committed.
messages: $(INSTALLED)
	$(PY) manage.py compilemessages -l th --ignore=.venv

clean-db:
	rm -f db.sqlite3
