# anomaly4j — `make run` sets everything up and runs the notebooks; `make test` runs every test.
# Needs: a JDK >= 21 (found by kernel-ext/scripts/find-jdk.sh), Maven, Python 3 (>= 3.10), and for the
# browser tests Node.js + Chromium (`.ci/run` installs them on Debian).
SHELL := bash
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:

ROOT       := $(abspath .)
PYTHON     ?= python3
VENV       := $(ROOT)/.venv
VPY        := $(VENV)/bin/python
MVN        ?= mvn -B --no-transfer-progress
JAR        := kernel-ext/target/anomaly4j.jar
LAUNCHER   := kernel-ext/launcher/target/anomaly4j-kernel-launcher.jar
CLASSPATH  := kernel-ext/target/classpath.txt
KERNELSPEC := $(VENV)/share/jupyter/kernels/anomaly4j/kernel.json
BROWSER    := kernel-ext/src/test/browser
INIT       := kernel-ext/src/main/resources/org/anomaly4j/kernel/init.jshell

# Data: $ANOMALY4J_DATA if set, else ../shared/data when it exists, else the user cache / download.
ifeq ($(strip $(ANOMALY4J_DATA)),)
  ifneq ($(wildcard ../shared/data/MANIFEST.md),)
    export ANOMALY4J_DATA := $(abspath ../shared/data)
  endif
endif

# A JDK >= 21, found once per make run; find-jdk.sh explains what to install when there is none.
JDK = $(eval JDK := $$(shell kernel-ext/scripts/find-jdk.sh))$(if $(JDK),$(JDK),$(error no JDK >= 21 found (see the message above)))
export JAVA_HOME = $(JDK)

MAIN_SOURCES := $(shell find kernel-ext/src/main kernel-ext/launcher/src/main kernel-ext/deep/src/main -type f 2>/dev/null) \
                pom.xml kernel-ext/pom.xml kernel-ext/launcher/pom.xml kernel-ext/deep/pom.xml data/datasets.csv

# The deep detectors (kernel-ext/deep, DJL + PyTorch CPU from Maven Central) never download: offline, with the
# native library unpacked under build/. Build without them: make MVN_ARGS=-DskipDeep.
DJL_CACHE  := $(ROOT)/build/djl-cache
DJL_JVM    := -Dai.djl.offline=true -DDJL_CACHE_DIR=$(DJL_CACHE)

.PHONY: help run test build kernel notebooks lab jshell unit pytest clean
help:
	@echo "make run      build, set up .venv + the Java (anomaly4j) kernel, execute notebooks -> build/site/"
	@echo "make test     all tests: unit (JUnit), notebooks on the real kernel, browser render, start-up, injection"
	@echo "make lab      JupyterLab on the Java (anomaly4j) kernel"
	@echo "make jshell   JShell with the library on the class path"
	@echo "make bench    benchmarks side by side with pandas/scikit-learn -> build/bench/results.md"

run: kernel
	@$(VPY) kernel-ext/scripts/run_notebooks.py
	@echo "Open build/site/index.html in a browser, or run 'make lab' to work in JupyterLab."

# One Maven run builds both modules: the library (anomaly4j.jar + classpath.txt) and the kernel launcher.
build: $(JAR) $(LAUNCHER)
$(JAR): $(MAIN_SOURCES)
	@echo "Building kernel-ext and kernel-ext/launcher with JDK $(JDK)"
	$(MVN) -q package -DskipTests $(MVN_ARGS)
	@touch $(JAR) $(CLASSPATH) $(LAUNCHER)
$(CLASSPATH) $(LAUNCHER): $(JAR)
	@test -f $@ || { echo "$@ was not written by the build"; exit 1; }

$(VENV)/.installed: kernel-ext/scripts/requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "Python >= 3.10 is needed for .venv")'
	$(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install --disable-pip-version-check -q -r kernel-ext/scripts/requirements.txt
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed kernel-ext/scripts/requirements-test.txt
	$(VPY) -m pip install --disable-pip-version-check -q -r kernel-ext/scripts/requirements-test.txt
	@touch $@

kernel: $(KERNELSPEC)
$(KERNELSPEC): $(JAR) $(CLASSPATH) $(LAUNCHER) $(VENV)/.installed kernel-ext/scripts/install_kernel.py $(INIT)
	$(VPY) kernel-ext/scripts/install_kernel.py --java-home "$(JDK)" --classpath-file $(CLASSPATH) \
	  --launcher-jar $(LAUNCHER) --prefix $(VENV) \
	  $(foreach o,$(DJL_JVM),--jvm-option=$(o))

notebooks: kernel
	$(VPY) kernel-ext/scripts/run_notebooks.py --force

$(BROWSER)/node_modules/.package-lock.json: $(BROWSER)/package-lock.json
	cd $(BROWSER) && npm ci --no-audit --no-fund
	@touch $@

# Unit tests first (Maven prints its summary), then the integration suite, whose pytest summary ends the run.
test: $(KERNELSPEC) $(VENV)/.installed-test $(BROWSER)/node_modules/.package-lock.json
	$(MVN) test
	cd kernel-ext/src/test/python && $(VPY) -m pytest -v -rA --durations=10

unit:
	$(MVN) test

pytest: $(KERNELSPEC) $(VENV)/.installed-test $(BROWSER)/node_modules/.package-lock.json
	cd kernel-ext/src/test/python && $(VPY) -m pytest -v -rA $(PYTEST_ARGS)

lab: kernel
	$(VENV)/bin/jupyter lab --notebook-dir=notebooks $(if $(filter 0,$(shell id -u)),--allow-root)

jshell: $(JAR)
	"$(JDK)/bin/jshell" --class-path "$$(cat $(CLASSPATH))" $(foreach o,$(DJL_JVM) --enable-native-access=ALL-UNNAMED --add-modules=jdk.incubator.vector,-R$(o)) \
	    --startup DEFAULT --startup $(INIT)

clean:
	rm -rf build kernel-ext/target kernel-ext/launcher/target kernel-ext/deep/target

# Side-by-side benchmarks against pandas / scikit-learn on the same generated data → build/bench/results.md
.PHONY: bench
bench: $(JAR) $(VENV)/.installed-test
	$(MVN) -q test-compile
	$(VPY) kernel-ext/src/bench/python/bench.py $(BENCH_ARGS)
