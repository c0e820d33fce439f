# TokenTCO — two commands on a fresh Debian machine: `make report` and `make test`.
SWIFT ?= swift
MODEL ?= Models/support-copilot.yaml
OUTPUT ?= reports
PREFIX ?= /usr/local
PYTHON ?= python3
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)
APT_PACKAGES := libxlsxwriter-dev pkg-config
TEST_PACKAGES := libreoffice-calc-nogui chromium

.PHONY: deps test-deps build install report test bench check crosscheck clean templates fuzz fuzz-build

# Installs a Debian package only when it is missing (dpkg -s), refreshing the index once if needed.
define apt_install
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing \
	  || { $(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing; }; \
	fi
endef

deps:
	$(call apt_install,$(APT_PACKAGES))

# Python packages for the tests (the JSON Schema validator), installed only when missing.
test-deps: deps
	$(call apt_install,$(TEST_PACKAGES))
	@$(PYTHON) -c "import jsonschema, yaml, websockets" 2>/dev/null \
	  || $(PYTHON) -m pip install --quiet jsonschema pyyaml websockets

build: deps
	$(SWIFT) build -c release --product tco

# Copies the one binary to $(PREFIX)/bin (templates are compiled in), so users type `tco …`.
install: build
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 .build/release/tco $(DESTDIR)$(PREFIX)/bin/tco
	@echo "installed $(DESTDIR)$(PREFIX)/bin/tco"

report: build
	.build/release/tco check $(MODEL)
	.build/release/tco solve $(MODEL)
	.build/release/tco report $(MODEL) --output $(OUTPUT)

test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --parallel
	$(MAKE) fuzz FUZZ_SECONDS=10

# libFuzzer over the model loader and the unit parser (Sources/tco-fuzz), with AddressSanitizer and
# LeakSanitizer, seeded from Models/ and the test fixtures. A crash, leak or hang stops it and leaves
# the input in $(FUZZ_DIR)/; add it to Tests/TCOLoadingTests/Fixtures/invalid as a fixture.
FUZZ_SECONDS ?= 600
FUZZ_DIR := .build-fuzz/findings
FUZZ_FLAGS := -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -D -Xswiftc FUZZING \
	-Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld
fuzz-build: deps
	$(SWIFT) build --scratch-path .build-fuzz --product tco-fuzz $(FUZZ_FLAGS)

fuzz: fuzz-build
	@mkdir -p .build-fuzz/corpus $(FUZZ_DIR)
	@cp Models/*.yaml Tests/TCOLoadingTests/Fixtures/valid/*.yaml Tests/TCOLoadingTests/Fixtures/invalid/*.yaml \
	  .build-fuzz/corpus/
	LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/Fuzz/lsan.supp .build-fuzz/debug/tco-fuzz \
	  -max_total_time=$(FUZZ_SECONDS) -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
	  -artifact_prefix=$(FUZZ_DIR)/ .build-fuzz/corpus

# Run the binary itself, not through `swift run`: peak RSS survives exec and would count SwiftPM's own memory.
bench: deps
	@$(PYTHON) -c "import numpy, yaml" 2>/dev/null || $(PYTHON) -m pip install --quiet numpy pyyaml
	$(SWIFT) build -c release --product tco
	$(SWIFT) build -c release --product tco-bench
	.build/release/tco-bench

check: build
	.build/release/tco check Models/*.yaml ../shared/spec/example.yaml

# Random valid version 2 models solved by tco and by the independent Tests/Reference/reference.py, every value compared.
crosscheck:
	$(SWIFT) build --product tco
	$(PYTHON) Tests/Reference/random_models.py --check $(or $(N),40) --tco .build/debug/tco

# The default memo templates are compiled into tco: regenerate after editing Templates/*.mustache.
templates:
	scripts/embed-templates.sh

clean:
	rm -rf .build reports
