# kb — set-up, serve and test. Every target installs what it needs.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip
KB     := $(VENV)/bin/kb
INDEX  ?= .kb-index
HOST   ?= 127.0.0.1
PORT   ?= 5000
SOURCES := $(shell find kb stopwords -type f -not -path '*/__pycache__/*' 2>/dev/null) pyproject.toml

.PHONY: serve test index sysdeps venv corpus bench bench-relevance bench-understanding clean

serve: $(VENV)/.installed index
	$(KB) --index $(INDEX) serve --host $(HOST) --port $(PORT)

index: $(VENV)/.installed
	$(KB) --index $(INDEX) ingest corpus/

test: $(VENV)/.installed-test
	@bash tools/install-sysdeps.sh --test
	$(PY) -m pytest -q

sysdeps:
	@bash tools/install-sysdeps.sh

$(VENV)/bin/python:
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "kb needs Python 3.11+"' \
		|| (echo "kb cần Python 3.11 trở lên" && exit 1)
	@$(PYTHON) -m venv $(VENV) || (bash tools/install-sysdeps.sh && $(PYTHON) -m venv $(VENV))
	$(PIP) install -q --upgrade pip

$(VENV)/.installed: $(VENV)/bin/python $(SOURCES)
	@bash tools/install-sysdeps.sh
	$(PIP) install -q .
	@touch $@

$(VENV)/.installed-test: $(VENV)/bin/python $(SOURCES)
	@bash tools/install-sysdeps.sh --test
	$(PIP) install -q ".[test,corpus]"
	@touch $@ $(VENV)/.installed

corpus: $(VENV)/.installed-test
	$(PY) tools/build_corpus.py

bench: $(VENV)/.installed-test
	$(PY) benchmarks/run_all.py

bench-relevance: $(VENV)/.installed-test
	cd benchmarks && ../$(PY) relevance.py --latency

bench-understanding: $(VENV)/.installed-test
	$(PY) benchmarks/understanding.py

clean:
	rm -rf $(VENV) $(INDEX) build dist *.egg-info
