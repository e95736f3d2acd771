# Proximité — the commands a person needs. Only Python (3.11, 3.12 or 3.13) and make required.
# The first of these that runs and is supported builds .venv; PYTHON=… picks another one.
SUPPORTED_PYTHON := import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 13))
PYTHON ?= $(shell for candidate in python3 python3.13 python3.12 python3.11; do \
	$$candidate -c '$(SUPPORTED_PYTHON)' >/dev/null 2>&1 && { echo $$candidate; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export PORT
MANAGE := $(BIN)/python manage.py
APPS := core towns accounts home shops learning programme
PYTEST_WORKERS ?= auto

.PHONY: run install install-test migrate demo static test test-unit test-browser test-hosts test-crawl test-load lint format messages clean backup restore bench

$(BIN)/python:
	@if [ -z "$(PYTHON)" ] || ! $(PYTHON) -c '$(SUPPORTED_PYTHON)' >/dev/null 2>&1; then \
		echo "Proximité demande Python 3.11, 3.12 ou 3.13 : $(if $(PYTHON),« $(PYTHON) » n'en est pas un,aucun trouvé parmi python3 python3.13 python3.12 python3.11)."; \
		echo "Debian 12 et 13 et Ubuntu 24.04 en livrent un (apt-get install python3 python3-venv) ;"; \
		echo "ailleurs, installez-le puis désignez-le : make run PYTHON=/chemin/vers/python3.12"; \
		exit 1; \
	fi
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-base: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-test: requirements/test.txt requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements/test.txt
	touch $@ $(VENV)/.installed-base

install: $(VENV)/.installed-base

install-test: $(VENV)/.installed-test

## make run: install, migrate, load the demo towns, collect static files, serve on http://localhost:$(PORT)
## with the background worker (image renditions) beside gunicorn; Ctrl+C stops both
run: install
	$(MANAGE) migrate --noinput -v0
	$(MANAGE) load_demo
	$(MANAGE) collectstatic --noinput -v0
	@echo "Béthune:  http://localhost:$(PORT)/   Beauvais: http://beauvais.localhost:$(PORT)/   Admin: /admin/"
	$(MANAGE) db_worker --backend renditions --no-reload & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		$(BIN)/gunicorn -c gunicorn.conf.py

## make test: install the test requirements and run the whole suite
test: test-unit test-browser test-load

test-unit: install-test
	$(BIN)/pytest tests --ignore=tests/browser --ignore=tests/hosts --ignore=tests/crawl --ignore=tests/load -n $(PYTEST_WORKERS) -q

test-browser: install-test
	@if command -v chromium >/dev/null 2>&1 || [ -n "$$CHROMIUM_PATH" ]; then \
		$(BIN)/pytest tests/browser -q; \
	else \
		echo "Browser tests need Debian's chromium (sudo apt-get install chromium); .ci/run installs it."; \
	fi

## make test-hosts: two gunicorn hosts sharing PostgreSQL and Redis (needs DATABASE_URL and REDIS_URL)
test-hosts: install-test
	$(BIN)/pytest tests/hosts -q

## make test-crawl: every page of both demo towns and every form checked by axe-core, the Nu HTML Checker
## (Java and npm needed), links and image alt texts; run in CI
test-crawl: install-test node_modules/vnu-jar/build/dist/vnu.jar
	$(BIN)/pytest tests/crawl -q

## make test-load: two minutes of simulated visitors on gunicorn (production settings, demo data), then the same
## while a worker is killed; fails on any server error or any accepted form missing from the database
test-load: install-test
	$(BIN)/pytest tests/load -q

# --ignore-scripts: the package's optional download of a Java runtime is not needed, the machine's Java runs it.
node_modules/vnu-jar/build/dist/vnu.jar: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## make messages: refresh and compile every app's French catalogue (needs GNU gettext)
messages: install
	for app in $(APPS); do \
		mkdir -p $$app/locale/fr/LC_MESSAGES && \
		(cd $$app && ../$(BIN)/python ../manage.py makemessages -l fr --no-location --no-obsolete -v0) || exit 1; \
	done
# The site-wide templates (templates/) have the project's own catalogue, locale/.
	$(MANAGE) makemessages -l fr --no-location --no-obsolete -v0 $(foreach dir,$(APPS) demo portal tests bench static var node_modules .venv,--ignore='$(dir)/*')
	$(MANAGE) compilemessages -v0

## make backup: one archive of the database and uploaded files in var/backups/ (safe while the site runs)
backup: install
	$(MANAGE) backup

## make restore FILE=var/backups/proximite-….tar.gz: check the archive, then restore it (asks for YES=1 over content)
restore: install
	@if [ -z "$(FILE)" ]; then \
		echo "Usage: make restore FILE=var/backups/proximite-AAAA-MM-JJ-HHMMSS.tar.gz [YES=1]"; exit 2; \
	fi
	$(MANAGE) restore "$(FILE)" $(if $(YES),--yes)

## make bench [ARGS="--duration 5 --database-url postgres://…"]: production settings under load on a
## seeded territory; prints a table and writes var/bench/results.json (options: bench/run.py)
bench: install-test
	$(BIN)/python -m bench.run $(ARGS)

clean:
	rm -rf $(VENV) var/static var/cache
