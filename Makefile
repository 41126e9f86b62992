# tov: build, run, test, benchmark, install.
SWIFT ?= swift
PREFIX ?= /usr/local
DEMO_DB ?= .build/demo/tov.sqlite
SYSTEM_PACKAGES = libncursesw5-dev libsqlite3-dev tmux
# Only the tests need these: calcurse reads our iCalendar export back.
TEST_PACKAGES = calcurse
# Release builds link the Swift runtime statically (a copied binary runs without a Swift install, and starts
# faster); they live in their own folder so that they never mix with the debug build's objects.
RELEASE_DIR = .build-static
RELEASE_BIN = $(RELEASE_DIR)/release/tov
export LANG ?= C.UTF-8

.PHONY: run test bench install deps build release ics-corpus

## Install the system packages tov needs, when they are missing.
deps:
	@missing=""; for p in $(SYSTEM_PACKAGES) $(if $(filter test,$(MAKECMDGOALS)),$(TEST_PACKAGES)); do \
		dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Installing:$$missing"; \
		sudo=""; [ "$$(id -u)" -ne 0 ] && sudo=sudo; \
		$$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

# Linked as a fixed-address (non-PIE) executable: the Swift runtime and Foundation are linked in
# statically, and a position-independent binary would spend over a millisecond of every command
# relocating their 84,000 pointers at start-up.
# Generic types are made by direct calls, not found by demangling their names at run time: parsing the
# command line alone instantiates a few hundred (every option is an Option<T>), which cost 2 ms a command.
release: deps
	$(SWIFT) build -c release --static-swift-stdlib --scratch-path $(RELEASE_DIR) \
		-Xswiftc -Xclang-linker -Xswiftc -no-pie \
		-Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors

## Build, create a demo database on first run, and open the interface on it.
run: build
	@[ -f $(DEMO_DB) ] || .build/debug/tov --db $(DEMO_DB) demo
	.build/debug/tov --db $(DEMO_DB) ui

## Every test: unit, store, end-to-end (needs python3 with dateutil for the recurrence oracle, html5lib and
## Markdown for the export tests, icalendar and recurring-ical-events from PyPI and calcurse for the iCalendar tests,
## and the real-world .ics files ics-corpus fetches).
# icalendar 6.1+ and recurring-ical-events 3.8+ come from PyPI only (Debian's are too old); Debian's own python3
# refuses pip installs unless told it may (PEP 668).
ICAL_PYTHON_PACKAGES = 'icalendar>=6.1,<8' 'recurring-ical-events>=3.8,<4'
test: build ics-corpus
	@python3 -c 'import dateutil' 2>/dev/null || python3 -m pip install --quiet python-dateutil
	@python3 -c 'import html5lib, markdown' 2>/dev/null || python3 -m pip install --quiet html5lib markdown
	@python3 Tests/Oracle/ics_expand.py --help >/dev/null 2>&1 || python3 -m pip install --quiet $(ICAL_PYTHON_PACKAGES) \
		|| python3 -m pip install --quiet --break-system-packages $(ICAL_PYTHON_PACKAGES)
	$(SWIFT) build --build-tests
	$(SWIFT) test

## The second corpus of the import tests: the test calendars inside these exact wheels and sdists, many of them real exports
## attached to bug reports (Tests/Fixtures/ics/README.md). Fetched here, never committed; Tests/Fixtures/ics/pypi-corpus.json
## names the files and their sha256.
ICS_CORPUS = .build/ics-corpus
ICS_CORPUS_WHEELS = recurring_ical_events-3.8.2 icalendar-7.3.0
# Packages whose wheel holds no test calendars: their source archive (sdist) does, unpacked into a folder
# of its own name (open_web_calendar-1.51/…). pip prepares an sdist's metadata before saving it, which
# fetches its build backend from PyPI too.
ICS_CORPUS_SDISTS = open_web_calendar-1.51
ics-corpus:
	@for wheel in $(ICS_CORPUS_WHEELS); do \
		file=$(ICS_CORPUS)/wheels/$$wheel-py3-none-any.whl; \
		[ -f $$file ] || python3 -m pip download --quiet --no-deps --only-binary=:all: -d $(ICS_CORPUS)/wheels \
			"$${wheel%-*}==$${wheel##*-}" || exit 1; \
		[ -d $(ICS_CORPUS)/unpacked/$$wheel.dist-info ] || python3 -m zipfile -e $$file $(ICS_CORPUS)/unpacked || exit 1; \
	done
	@for sdist in $(ICS_CORPUS_SDISTS); do \
		file=$(ICS_CORPUS)/sdists/$$sdist.tar.gz; \
		[ -f $$file ] || python3 -m pip download --quiet --no-deps --no-binary=:all: -d $(ICS_CORPUS)/sdists \
			"$${sdist%-*}==$${sdist##*-}" || exit 1; \
		[ -d $(ICS_CORPUS)/unpacked/$$sdist ] || python3 -m tarfile -e $$file $(ICS_CORPUS)/unpacked || exit 1; \
	done

## Release-build benchmark: bulk load, agenda of a month and a year, check, first screen, .ics export and import,
## at 1k/10k/100k events.
bench: release
	python3 Benchmarks/bench.py $(RELEASE_BIN)

install: release
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 -s $(RELEASE_BIN) $(DESTDIR)$(PREFIX)/bin/tov
	mkdir -p .build/man
	$(SWIFT) package --allow-writing-to-directory .build/man generate-manual --output-directory .build/man
	install -m 644 .build/man/tov.1 $(DESTDIR)$(PREFIX)/share/man/man1/tov.1
