# Two commands on a fresh machine: `make demo` renders the example board, `make test` runs the tests.
# Each creates its own virtual environment in .venv (override with VENV=...).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test lint bench clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml $(BIN)/activate
	$(BIN)/python -m pip install --quiet .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(BIN)/activate
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	$(BIN)/comicboard render examples/gongrenjie.yaml -o out/gongrenjie.pdf
	$(BIN)/comicboard render examples/gongrenjie.yaml -o out/gongrenjie.png --dpi 150

# The system tools some tests need (poppler, qpdf, Ghostscript, ...): tests fail, never skip, without them.
test: $(VENV)/.installed-test
	sh tools/install-test-system-deps.sh
	$(BIN)/python -m pytest -n auto

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/bench_render.py

clean:
	rm -rf out build dist .pytest_cache
