# vigie — build, test, demo and bench. `make` builds build/vigie and build/data.
CC      ?= cc
PKGS    := libutf8proc jansson sqlite3
CFLAGS  ?= -O2 -g -flto=auto # whole-program inlining: the small helpers of util.c are on every token
WARN    := -std=c17 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L
CPPFLAGS := -Iinclude -Isrc -DVIGIE_DATA_DIR='"$(CURDIR)/build/data"' $(shell pkg-config --cflags $(PKGS))
LDLIBS  := $(shell pkg-config --libs $(PKGS)) -lm
SAN     := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

LIB_SRC := src/util.c src/date.c src/text.c src/segment.c src/phrase.c src/lexicon.c src/tense.c src/load.c src/pverbs.c \
           src/engine.c src/petrarch.c src/time.c src/actors.c src/events.c src/doc.c src/jsonrec.c src/read.c src/output.c \
           src/store.c src/query.c
CLI_SRC := src/cli/main.c src/cli/run.c src/cli/eval.c src/cli/store.c src/cli/rows.c
HEADERS := include/vigie.h include/vigie_store.h src/internal.h src/util.h src/store.h src/cli/cli.h src/cli/rows.h

LIB_OBJ := $(LIB_SRC:src/%.c=build/obj/%.o)
CLI_OBJ := $(CLI_SRC:src/%.c=build/obj/%.o)
ASAN_LIB_OBJ := $(LIB_SRC:src/%.c=build/asan/obj/%.o)
ASAN_CLI_OBJ := $(CLI_SRC:src/%.c=build/asan/obj/%.o)

DATA_SRC := $(shell find data -type f 2>/dev/null)

.PHONY: all setup check test test-asan demo bench bench-store clean
all: build/vigie build/data/.stamp

build/obj/%.o: src/%.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) -c $< -o $@

build/asan/obj/%.o: src/%.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(WARN) -O1 -g $(SAN) $(CPPFLAGS) -c $< -o $@

build/libvigie.a: $(LIB_OBJ)
	ar rcs $@ $^

build/vigie: $(CLI_OBJ) build/libvigie.a
	$(CC) $(WARN) $(CFLAGS) -o $@ $^ $(LDLIBS)

build/asan/libvigie.a: $(ASAN_LIB_OBJ)
	ar rcs $@ $^

build/asan/vigie: $(ASAN_CLI_OBJ) build/asan/libvigie.a
	$(CC) -g $(SAN) -o $@ $^ $(LDLIBS)

# Dictionaries: data/ as written, plus what is generated from Debian iso-codes and the
# Lefff / WordNet lexicons (never committed: see scripts/).
build/data/.stamp: $(DATA_SRC) scripts/gen-countries scripts/gen-verbforms
	@rm -rf build/data && mkdir -p build/data
	cp -R data/. build/data/
	sh scripts/gen-countries build/data/actors/countries.txt
	sh scripts/gen-verbforms build/data
	@touch $@

build/tests/check: tests/check.c build/libvigie.a
	@mkdir -p build/tests
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) -o $@ $^ $(LDLIBS)

build/asan/tests/check: tests/check.c build/asan/libvigie.a
	@mkdir -p build/asan/tests
	$(CC) $(WARN) -O1 -g $(SAN) $(CPPFLAGS) -o $@ $^ $(LDLIBS)

setup:
	sh scripts/setup

# The test command of the README: sets up, builds, runs every test normally and under
# AddressSanitizer + UndefinedBehaviorSanitizer.
check: setup
	$(MAKE) all build/tests/check build/asan/vigie build/asan/tests/check
	sh tests/run-all.sh

demo: setup
	$(MAKE) all
	./build/vigie code examples/sample-fr.txt
	./build/vigie code --format tsv examples/sample-en.txt

# Throughput of the analysis (bench/run.sh), the actor dictionary's load time and cost per token
# (bench/actors.sh), then the store's ingest rate and query latency over
# a generated archive of 100,000 articles (bench/store.sh; ARTICLES=N for another size).
bench: all
	sh bench/run.sh $(CORPUS)
	sh bench/actors.sh
	sh bench/store.sh $(ARTICLES)

bench-store: all
	sh bench/store.sh $(ARTICLES)

clean:
	rm -rf build/obj build/asan build/tests build/data build/vigie build/libvigie.a
