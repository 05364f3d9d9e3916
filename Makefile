# newslens. The README's two commands: `make report` (the main job) and `make test`.
# Everything runs from .venv, created with python3 -m venv and filled from requirements.lock.

PYTHON   ?= python3
VENV     ?= .venv
BIN      := $(VENV)/bin
PIP      := $(BIN)/python -m pip --disable-pip-version-check
INSTALLED := $(VENV)/.newslens-installed
NOTEBOOK := notebooks/article_report.ipynb
CORPUS_NOTEBOOK := notebooks/corpus_report.ipynb
SANITIZE := $(wildcard tests/nbval_sanitize.cfg)
OUT      ?= reports/
# make extract ARTICLE=path/to/article.txt [FORMAT=csv TABLE=quotes] [MODEL=en_core_web_sm]
ARTICLE  ?= seeds/000_a7f3773a7dc7432f.txt
FORMAT   ?= json
TABLE    ?= actors
MODEL    ?=

.PHONY: install report test unit nbval extract clean

install: $(INSTALLED)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# The lock decides every version; `pip check` fails if pyproject.toml needs something the lock lacks.
$(INSTALLED): $(BIN)/python requirements.lock pyproject.toml
	$(PIP) install -r requirements.lock
	$(PIP) install --no-deps -e .
	$(PIP) check
	touch $@

report: $(INSTALLED)
	$(BIN)/newslens report seeds/*.txt --out $(OUT) $(if $(MODEL),--model $(MODEL))
	$(BIN)/newslens corpus seeds --out $(OUT)corpus $(if $(MODEL),--model $(MODEL))

test: unit nbval

unit: $(INSTALLED)
	$(BIN)/python -m pytest tests

# The committed report notebooks, re-executed on the seed and on the example corpus, must reproduce their
# stored outputs.
nbval: $(INSTALLED)
ifneq ($(wildcard $(NOTEBOOK)),)
	$(BIN)/python -m pytest --nbval --nbval-current-env --nbval-cell-timeout=180 $(wildcard $(NOTEBOOK) $(CORPUS_NOTEBOOK)) $(if $(SANITIZE),--nbval-sanitize-with $(SANITIZE))
endif

extract: $(INSTALLED)
	@$(BIN)/newslens extract $(ARTICLE) --format $(FORMAT) $(if $(filter csv,$(FORMAT)),--table $(TABLE)) $(if $(MODEL),--model $(MODEL))

# Caches and build leftovers only: reports/ holds the committed seed report and .venv is kept.
clean:
	rm -rf build .pytest_cache src/*.egg-info $(INSTALLED)
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +
	find reports -maxdepth 1 -name '.*.partial' -type d -prune -exec rm -rf {} + 2>/dev/null || true
