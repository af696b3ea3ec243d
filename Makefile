# `make run`: the portal with demo data at http://127.0.0.1:8000 (SQLite).
# `make test`: the whole test suite. Both set up what they need and are quick the second time.
# `make serve`: production (gunicorn + WhiteNoise); needs DJANGO_DEBUG=0, DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.requirements-installed
AXE := node_modules/axe-core/axe.min.js
# Laksaman is the booklet's Thai font; WeasyPrint draws with Pango; poppler reads PDFs back.
RUN_DEBS := fonts-tlwg-laksaman-ttf poppler-utils libpango-1.0-0 libpangoft2-1.0-0
TEST_DEBS := $(RUN_DEBS) chromium

.PHONY: run serve test setup-run setup-test demo lint clean-db backup restore worker worker-national messages

run: setup-run
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	@echo ""
	@echo "Tidtam: http://127.0.0.1:8000/  (demo accounts, password 'demo' for all):"
	@$(PY) manage.py seed_demo --list-accounts
	$(PY) manage.py runserver 127.0.0.1:8000

# A Celery worker for booklets, Excel and mail; needs CELERY_BROKER_URL (e.g. redis://127.0.0.1:6379/0).
worker: setup-run
	$(VENV)/bin/celery -A config worker -l info $(WORKER_ARGS)

# A worker for render_booklet's queue (every office's booklet): a national run waits for these only.
worker-national: setup-run
	$(VENV)/bin/celery -A config worker -l info -n national@%h \
		-Q "$${TIDTAM_NATIONAL_TASK_QUEUE:-$${TIDTAM_TASK_QUEUE:-tidtam}-national}" $(WORKER_ARGS)

serve: setup-run
	@$(PY) bin/check-production
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput --verbosity 0
	exec $(VENV)/bin/gunicorn --config config/gunicorn.conf.py

# `make backup [BACKUP=file.zip]`: the whole database (history included) and the published PDFs.
BACKUP ?= tidtam-backup-$(shell date +%Y%m%d-%H%M%S).zip
backup: $(INSTALLED)
	$(PY) manage.py backup --output "$(BACKUP)"

# `make restore BACKUP=file.zip`: into an empty database (`--replace` to overwrite: asks first).
restore: $(INSTALLED)
	@test -n "$(BACKUP)" -a -f "$(BACKUP)" || { echo "make restore BACKUP=<file.zip made by make backup>"; exit 2; }
	$(PY) manage.py migrate --noinput
	$(PY) manage.py restore "$(BACKUP)" $(RESTORE_ARGS)

# The suite on both cores (pytest-xdist); PYTEST_ARGS="-n 0" runs it in one process.
PYTEST_ARGS ?= -n 2
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

# Thai for Django's own validation messages (locale/th); the compiled .mo is committed.
messages: $(INSTALLED)
	$(PY) manage.py compilemessages -l th --ignore=.venv

# Deletes the demo's SQLite database (the next `make run` seeds a new one); asks first.
clean-db:
	@if [ -f db.sqlite3 ]; then \
	  printf 'Delete db.sqlite3 and everything in it (plans, reports, history)? Type yes: '; \
	  read answer; \
	  if [ "$$answer" = yes ]; then rm -f db.sqlite3 db.sqlite3-wal db.sqlite3-shm; echo "deleted"; \
	  else echo "kept db.sqlite3"; fi; \
	else echo "no db.sqlite3 to delete"; fi
