#!/bin/sh
# Scores vigie against gold files with its own eval commands, and fails when a score falls below
# its floor. Floors are the measured scores rounded down: they guard against regressions; the
# issues' targets are in the issue notes.  usage: tests/eval.sh VIGIE_BINARY
VIGIE=${1:-build/vigie}
SHARED=${SHARED:-../shared}
SEED=$SHARED/corpus/000_806b4f77381108ad.txt
pass=0
fail=0
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

# floor NAME FILE LINE_LABEL FIELD MIN: the number after FIELD on the line starting with LABEL
floor() {
    got=$(grep "^$3" "$2" | head -1 | sed -E "s/.*$4 +([0-9.]+).*/\1/")
    if [ -n "$got" ] && awk -v g="$got" -v m="$5" 'BEGIN { exit !(g >= m) }'; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL eval: $1: $3 $4 ${got:-?} < $5" >&2
    fi
    echo "eval: $1: $3 $4 ${got:-?} (floor $5)"
}

score() { # score NAME COMMAND GOLD DOCS...
    name=$1; cmd=$2; shift 2
    "$VIGIE" "$cmd" "$@" >"$T/$name" 2>"$T/$name.err" || { fail=$((fail + 1)); echo "FAIL eval: $name: exit $?" >&2; cat "$T/$name.err" >&2; }
}

if [ -f "$SEED" ]; then
    score seed-time eval-time "$SHARED/gold/seed.timex.jsonl" "$SEED"
    floor "seed timexes" "$T/seed-time" "relaxed span" F1 1.0
    floor "seed timexes" "$T/seed-time" "value accuracy" "value accuracy" 1.0
    score seed-actors eval-actors "$SHARED/gold/seed.actors.jsonl" "$SEED"
    floor "seed actors" "$T/seed-actors" "code" R 1.0
    score seed-events eval "$SHARED/gold/seed.events.jsonl" "$SEED"
    floor "seed events" "$T/seed-events" "root + dyad" P 0.94
    floor "seed events" "$T/seed-events" "root + dyad" R 1.0
    floor "seed events" "$T/seed-events" "code + dyad + date" R 1.0
fi

# the public French temporal benchmark (../shared/peer/fr-timebank): HeidelTime's published scores
# there are strict F1 0.860, relaxed F1 0.910, value F1 0.736
FTIB=$SHARED/peer/fr-timebank
if [ -f "$FTIB/ftib.jsonl" ]; then
    score ftib eval-time "$FTIB/ftib.timex.jsonl" "$FTIB/ftib.jsonl"
    floor "French TimeBank" "$T/ftib" "strict span" F1 0.71
    floor "French TimeBank" "$T/ftib" "relaxed span" F1 0.87
    floor "French TimeBank" "$T/ftib" "value F1" "value F1" 0.77
fi

# the project's own gold (tests/gold/), per language: documents a<lang>-NN
G=tests/gold
for lang in fr en; do
    grep "\"a$lang-" $G/actors.docs.jsonl >"$T/actors-$lang.docs.jsonl"
    grep "\"a$lang-" $G/actors.mentions.jsonl >"$T/actors-$lang.gold.jsonl"
    score "actors-$lang" eval-actors "$T/actors-$lang.gold.jsonl" "$T/actors-$lang.docs.jsonl"
    floor "own actors ($lang)" "$T/actors-$lang" "code" P 0.91
    floor "own actors ($lang)" "$T/actors-$lang" "code" R 0.95
done

for lang in fr en; do
    grep "\"t$lang-" $G/time.docs.jsonl >"$T/time-$lang.docs.jsonl"
    grep "\"t$lang-" $G/time.timex.jsonl >"$T/time-$lang.gold.jsonl"
    score "time-$lang" eval-time "$T/time-$lang.gold.jsonl" "$T/time-$lang.docs.jsonl"
done
floor "own timexes (fr)" "$T/time-fr" "relaxed span" F1 1.00
floor "own timexes (fr)" "$T/time-fr" "value accuracy" "value accuracy" 0.99
floor "own timexes (en)" "$T/time-en" "relaxed span" F1 1.00
floor "own timexes (en)" "$T/time-en" "value accuracy" "value accuracy" 0.99

score events-fr eval $G/events-fr.events.jsonl $G/events-fr.docs.jsonl
floor "own French events" "$T/events-fr" "root + dyad" P 0.95
floor "own French events" "$T/events-fr" "root + dyad" R 0.82
# English: written late (2026-12-06); its misses were then read to find general constructs vigie lacked
# (each rule checked on the news corpora, none fitted to one item); its low recall is the work left
score events-en eval $G/events-en.events.jsonl $G/events-en.docs.jsonl
floor "own English events" "$T/events-en" "root + dyad" P 0.80
floor "own English events" "$T/events-en" "root + dyad" R 0.53

# the PETRARCH-2 unit-test suite, read from ../shared at test time (never copied here): vigie codes
# each record's text with the suite's actor, agent and verb dictionaries (the verb dictionary
# replaces vigie's English patterns: the suite's codes are its own, often outside CAMEO)
PET=$SHARED/peer/petrarch2
if [ -f "$PET/PETR.UnitTest.records.xml" ] && command -v node >/dev/null 2>&1; then
    node tests/petrarch-suite.js convert "$PET/PETR.UnitTest.records.xml" "$T/petr" 2>/dev/null
    PDICT="--petrarch-actors $PET/PETR.Validate.actors.txt --petrarch-agents $PET/PETR.Validate.agents.txt"
    PDICT="$PDICT --petrarch-verbs $PET/PETR.Validate.verbs.txt"
    score petrarch eval $PDICT "$T/petr/gold.jsonl" "$T/petr/docs.jsonl"
    floor "PETRARCH suite events" "$T/petrarch" "root + dyad" R 0.78
    "$VIGIE" code -q $PDICT "$T/petr/docs.jsonl" >"$T/petr/sys.jsonl" 2>"$T/petr/code.err"
    node tests/petrarch-suite.js report "$T/petr/gold.jsonl" "$T/petr/docs.jsonl" "$T/petr/sys.jsonl" >"$T/petr-records"
    floor "PETRARCH suite records" "$T/petr-records" "records-root-dyad" "records-root-dyad" 0.78
    floor "PETRARCH suite records" "$T/petr-records" "records-exact" "records-exact" 0.74
    floor "PETRARCH suite records" "$T/petr-records" "records-dyad-any-code" "records-dyad-any-code" 0.78
fi

# the PLOVER gold standard (../shared/peer/plover, read at test time): the CAMEO manual's example
# sentences with their event types and actors, coded with vigie's own dictionaries; one event per
# sentence is annotated, so precision counts vigie's other events of a sentence as false
PLOVER=$SHARED/peer/plover/PLOVER_GSR_CAMEO.json
if [ -f "$PLOVER" ] && command -v node >/dev/null 2>&1; then
    node tests/plover-gold.js "$PLOVER" data/actors/organisations.txt "$T/plover-gold" 2>/dev/null
    score plover eval "$T/plover-gold/gold.jsonl" "$T/plover-gold/docs.jsonl"
    floor "PLOVER gold events" "$T/plover" "root + dyad" R 0.38
fi

echo "eval: $pass passed, $fail failed"
[ $fail -eq 0 ]
