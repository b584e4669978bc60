#!/bin/sh
# Dictionary load time (vigie actors on an empty document: loading every data file) and the cost of the
# actor stage per token (vigie actors minus vigie time over a corpus, divided by its tokens).
# usage: bench/actors.sh [CORPUS.jsonl]   (default ../shared/corpus/news-fr.jsonl; one core)
cd "$(dirname "$0")/.."
VIGIE=build/vigie
corpus=${1:-../shared/corpus/news-fr.jsonl}
empty=$(mktemp)
trap 'rm -f "$empty"' EXIT
now() { date +%s%N; }
runs=20
t0=$(now)
i=0
while [ $i -lt $runs ]; do "$VIGIE" actors -q --date 2024-01-01 "$empty" >/dev/null 2>&1; i=$((i + 1)); done
t1=$(now)
echo "load: $(( (t1 - t0) / runs / 1000000 )) ms per start (mean of $runs runs: engine open with all dictionaries)"
[ -f "$corpus" ] || { echo "bench: $corpus: not found" >&2; exit 0; }
tokens=$("$VIGIE" split -q "$corpus" | jq '.tokens | length' | awk '{ s += $1 } END { print s }')
best() { # best of 3 wall times (ns) of: vigie $1 corpus
    b=0
    for r in 1 2 3; do
        a=$(now); "$VIGIE" "$1" -q "$corpus" >/dev/null 2>&1; z=$(now)
        [ $b -eq 0 ] || [ $((z - a)) -lt $b ] && b=$((z - a))
    done
    echo $b
}
tt=$(best time)
ta=$(best actors)
awk -v n="$tokens" -v t="$tt" -v a="$ta" -v c="$(basename "$corpus")" 'BEGIN {
    printf "%s: %d tokens; vigie time %.0f ms, vigie actors %.0f ms; actor stage %.0f ns per token\n",
           c, n, t / 1e6, a / 1e6, (a - t) / n }'
