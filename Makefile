# Two commands: `make lab` opens the module, `make test` runs every test.
# Both create .venv with the system Python if it is missing and install the module into it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
# MathJax (vendored into the site), axe-core (accessibility tests) and world-atlas (map shapes), from npm.
NODE := node_modules/.installed
# JupyterHub's proxy for the hub test, from npm (see hub-proxy below).
HUB_PROXY := build/hub-proxy/node_modules/.bin/configurable-http-proxy
# Jupyter refuses to run as root unless told; containers often run as root.
LAB_FLAGS := $(if $(filter 0,$(shell id -u)),--allow-root)

.PHONY: lab test notebooks present site release bench loadtest hub-proxy clean

lab: $(INSTALLED)
	$(BIN)/jupyter lab $(LAB_FLAGS) --LabApp.default_url=/lab/tree/notebooks/00_start_here.ipynb

test: $(INSTALLED) $(NODE) $(HUB_PROXY)
	$(BIN)/python -m pytest

# Re-execute lessons and solutions, store their outputs (nbval compares against them),
# then regenerate the student exercises from the executed solutions.
notebooks: $(INSTALLED)
	$(BIN)/alliancelab notebooks notebooks/*.ipynb solutions/*.ipynb
	$(BIN)/alliancelab generate

# Present a lesson for lecturing: Voila shows its text, figures and live widgets, without code.
#   make present LESSON=02      (Ctrl+C stops it)
present: $(INSTALLED)
	$(BIN)/alliancelab present $(LESSON)

# The course website (Jupyter Book, stored outputs, nothing re-executed): build/site/ for students (lessons,
# exercises, data dictionary, glossary, references) and build/site-instructor/ (notes, syllabus, quiz keys).
# Launch buttons point at the class repository:  make site REPO=myuni/alliance-lab-class HUB=hub.example.edu
site: $(INSTALLED) $(NODE)
	$(BIN)/alliancelab site $(if $(REPO),--repo $(REPO)) $(if $(HUB),--hub $(HUB))

# The student tree (lessons, exercises, data, the module; no solutions, hidden tests, quiz keys or notes)
# for the class repository that Binder and nbgitpuller links point at:
#   make release OUT=../alliance-lab-class REPO=myuni/alliance-lab-class
release: $(INSTALLED)
	$(BIN)/alliancelab release $(OUT) $(if $(REPO),--repo $(REPO)) --git

# Measure widget redraws (in the kernel and in JupyterLab), notebook runs, import time, grading and the test suite;
# writes benchmarks/results.json. `make bench ONLY=site` (or grading, ...): one section alone.
bench: $(INSTALLED) $(NODE)
	$(BIN)/python benchmarks/run.py $(if $(ONLY),--only $(ONLY))

# A class on a real JupyterHub: 10, 20 and 40 learners run lesson 02 and move a widget every few seconds;
# writes "hub_load" into benchmarks/results.json (make loadtest LEARNERS="5 10" for other sizes).
loadtest: $(INSTALLED) $(HUB_PROXY)
	$(BIN)/python benchmarks/loadtest.py $(if $(LEARNERS),--learners $(LEARNERS))

# JupyterHub's proxy for the hub test (tests/test_hub.py), from npm into build/hub-proxy; without npm the
# hub test is skipped and says why.
hub-proxy: $(HUB_PROXY)
$(HUB_PROXY):
	@if command -v npm >/dev/null 2>&1; then \
	  npm install --prefix build/hub-proxy --no-audit --no-fund --loglevel=error 'configurable-http-proxy@^4.6' \
	    || echo "warning: could not install configurable-http-proxy: the JupyterHub test will be skipped"; \
	else echo "npm is missing: the JupyterHub test will be skipped"; fi

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[instructor,test,hub]'
	touch $@

$(NODE): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund && touch $@; \
	else echo "warning: npm is missing: the site cannot vendor MathJax and the accessibility tests are skipped" >&2; fi

clean:
	rm -rf $(VENV) build node_modules *.egg-info
