# Fengjie intake assistant. `make run` and `make test` set up whatever is missing.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Python 3.10 (Rasa 3.6 needs < 3.11): pyenv's, else python3.10 on PATH.
PYTHON310 ?= $(shell for p in "$$(pyenv root 2>/dev/null)"/versions/3.10*/bin/python3.10 \
	"$$(command -v python3.10 2>/dev/null)"; do \
	[ -x "$$p" ] && "$$p" -c 'import sys; assert sys.version_info[:2] == (3, 10)' 2>/dev/null \
	&& echo "$$p" && break; done)

APP_STAMP := .venv/.installed
RASA_STAMP := .venv-rasa/.installed
# The model is named after a fingerprint of everything it is trained from, so training is
# skipped when none of it changed.
TRAINING_INPUTS := config.yml $(shell find bot/domain data -type f 2>/dev/null | sort)
FINGERPRINT := $(shell cat $(TRAINING_INPUTS) constraints/rasa.txt 2>/dev/null | sha256sum | cut -c1-12)
MODEL := models/intake-$(FINGERPRINT).tar.gz
RASA := .venv-rasa/bin/rasa
PYTEST_ARGS ?=

export MODEL
# bot/endpoints.yml reads the action server's secret from the environment (development value).
export ACTION_SERVER_TOKEN ?= dev-action-token
# An unset ENVIRONMENT is production; `make run` is development, `make test` is test.
run shell run-cluster: export ENVIRONMENT ?= development
test test-unit test-postgres test-rasa test-unit-no-model test-postgres-no-model test-e2e \
test-e2e-side personas-live: export ENVIRONMENT ?= test

.PHONY: help setup train run run-cluster test test-unit test-postgres test-rasa personas-live lint \
	shell clean test-unit-no-model test-postgres-no-model test-e2e test-e2e-side

help:
	@echo "make run    - set up, train if needed, start Rasa, the action server and the API"
	@echo "make run-cluster - the same as a model of a deployment: PostgreSQL, Redis, two Rasa"
	@echo "                   servers, two API processes behind nginx (docs/deploy.md)"
	@echo "make test   - set up, train if needed, run every test (the store tests on SQLite and on PostgreSQL)"
	@echo "make personas-live - every resident persona through the real servers (make test runs a"
	@echo "                     fifteenth of each set live, all of them offline); var/personas.json"
	@echo "make train  - train the Rasa model if its inputs changed"
	@echo "make shell  - talk to the assistant in the terminal (rasa shell)"
	@echo "make lint   - ruff check and ruff format --check (make test runs it first)"

setup: $(APP_STAMP) $(RASA_STAMP)

$(APP_STAMP): pyproject.toml constraints/app.txt
	@test -n "$(PYTHON310)" || { echo "Python 3.10 not found (pyenv or python3.10 on PATH)"; exit 1; }
	test -x .venv/bin/python || $(PYTHON310) -m venv .venv
	.venv/bin/pip install -q --upgrade pip
	.venv/bin/pip install -q -c constraints/app.txt -e '.[dev]'
	touch $@

$(RASA_STAMP): constraints/rasa.txt
	@test -n "$(PYTHON310)" || { echo "Python 3.10 not found (pyenv or python3.10 on PATH)"; exit 1; }
	test -x .venv-rasa/bin/python || $(PYTHON310) -m venv .venv-rasa
	.venv-rasa/bin/pip install -q -c constraints/rasa.txt 'rasa[jieba]==3.6.21'
	touch $@

train: $(RASA_STAMP) $(MODEL)

$(MODEL): | $(RASA_STAMP)
	@mkdir -p models
	@start=$$(date +%s); \
	$(RASA) train --domain bot/domain --data data --config config.yml --out models \
		--fixed-model-name intake-$(FINGERPRINT) --quiet && test -f $(MODEL) && \
	echo "trained $(MODEL) in $$(( $$(date +%s) - start )) s"
	@ls -t models/intake-*.tar.gz | tail -n +4 | xargs -r rm -f  # keep the three newest

run: setup train
	scripts/run.sh $(MODEL)

# PostgreSQL, Redis, the action server, two Rasa servers, two API processes behind nginx
# on :8000 (CLUSTER_PORT), four outbox senders, all on loopback (scripts/cluster.py).
run-cluster: setup train
	.venv/bin/python scripts/cluster.py

shell: setup train
	scripts/shell.sh $(MODEL)

# Training runs on one core (TensorFlow here does not spread it): the tests that need no
# model (neither pass's e2e tests) take the other core meanwhile, the PostgreSQL pass's
# beside the SQLite pass's once training is done. Then two lanes again: the e2e tests, whose
# Rasa start-ups and one-at-a-time conversations leave a core idle much of the time, beside
# Rasa's own tests of the model, the cluster test and Rasa on PostgreSQL (docs/operations.md,
# "CI time").
test: setup lint
	$(MAKE) -j2 train test-unit-no-model test-postgres-no-model
	$(MAKE) -j2 test-e2e test-e2e-side

test-unit-no-model: $(APP_STAMP)
	.venv/bin/pytest -m "not e2e" $(PYTEST_ARGS)

test-postgres-no-model: $(APP_STAMP)
	.venv/bin/pytest --store postgresql -m "not e2e" $(PYTEST_ARGS)

# The SQLite pass's e2e tests but the cluster test.
test-e2e: $(APP_STAMP) $(RASA_STAMP) $(MODEL)
	.venv/bin/pytest -m e2e --ignore tests/e2e/test_cluster.py $(PYTEST_ARGS)

# Beside them: Rasa's tests of the model, the cluster test (its own PostgreSQL, Redis, nginx
# and two Rasa servers) and the PostgreSQL pass's one e2e test (Rasa on PostgreSQL and Redis).
test-e2e-side: test-rasa $(APP_STAMP) $(RASA_STAMP) $(MODEL)
	.venv/bin/pytest tests/e2e/test_cluster.py $(PYTEST_ARGS)
	.venv/bin/pytest --store postgresql -m e2e $(PYTEST_ARGS)

# Every persona live, every floor (tests/e2e/test_personas.py); figures in var/personas.json.
personas-live: setup train
	PERSONAS_LIVE=all .venv/bin/pytest tests/e2e/test_personas.py $(PYTEST_ARGS)

test-unit:
	.venv/bin/pytest $(PYTEST_ARGS)

# The store tests again on a throw-away PostgreSQL cluster (tests/stores.py); without
# PostgreSQL installed they are skipped with a warning, and fail under CI=true.
test-postgres: $(APP_STAMP)
	.venv/bin/pytest --store postgresql $(PYTEST_ARGS)

test-rasa: $(RASA_STAMP) $(MODEL)
	$(RASA) data validate --domain bot/domain --data data --config config.yml --quiet
	eval "$$(.venv/bin/python scripts/rasa_env.py)" && \
	$(RASA) test core --model $(MODEL) --stories tests/stories --out var/results/core \
		--endpoints bot/endpoints.yml --fail-on-prediction-errors --no-plot --quiet
	.venv/bin/python scripts/nlu_report.py --model $(MODEL)

lint: $(APP_STAMP)
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

clean:
	rm -rf models/*.tar.gz var/results var/test-postgres .pytest_cache
