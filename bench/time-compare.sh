#!/bin/sh
# Compares vigie's temporal expressions with chrono-node's (npm, installed by scripts/setup): both are
# scored by the same scorer (`vigie eval-time`, chrono's output given with --system), then their
# throughput is measured over the documents repeated 200 times.
# usage: sh bench/time-compare.sh [GOLD_TIMEX.jsonl DOCS.jsonl]
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
VIGIE=$ROOT/build/vigie
CHRONO="node $ROOT/bench/chrono-timex.js"
GOLD=${1:-$ROOT/tests/gold/time.timex.jsonl}
DOCS=${2:-$ROOT/tests/gold/time.docs.jsonl}
REPEAT=200
for f in "$GOLD" "$DOCS" "$VIGIE" "$ROOT/build/npm/node_modules/chrono-node/package.json"; do
    [ -e "$f" ] || { echo "time-compare: $f: not found (run scripts/setup and make)" >&2; exit 2; }
done
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM

# (a) chrono's expressions in vigie's timex JSON Lines form
$CHRONO "$DOCS" >"$T/chrono.jsonl" || exit 1

# (b) the same scorer on vigie's output and on chrono's
echo "== vigie"
"$VIGIE" eval-time "$GOLD" "$DOCS" | tee "$T/eval-vigie"
echo "== chrono-node $(jq -r .version "$ROOT/build/npm/node_modules/chrono-node/package.json")"
"$VIGIE" eval-time --system "$T/chrono.jsonl" "$GOLD" "$DOCS" | tee "$T/eval-chrono"

# (c) throughput over the documents repeated $REPEAT times, ids made unique with a "#k" suffix
jq -c -s --argjson n "$REPEAT" '. as $d | range($n) as $k | $d[] | .id = "\(.id)#\($k)"' "$DOCS" >"$T/big.jsonl"
BYTES=$(jq -j .text "$T/big.jsonl" | wc -c) # UTF-8 text bytes, as chrono-timex.js counts them
now() { date +%s.%N; }
t0=$(now); "$VIGIE" time --quiet "$T/big.jsonl" >/dev/null; t1=$(now)
t2=$(now); $CHRONO "$T/big.jsonl" >/dev/null 2>"$T/chrono-big.err"; t3=$(now)
cat "$T/chrono-big.err" >&2
# chrono's own figure times its parsing loop only (no Node start-up, no JSON reading or writing)
chrono_mbs=$(sed -n 's/.*, \([0-9.]*\) MB\/s$/\1/p' "$T/chrono-big.err")
acc() { awk '/^value accuracy/ { print $3; exit }' "$1"; }

echo
awk -v b="$BYTES" -v t0="$t0" -v t1="$t1" -v t2="$t2" -v t3="$t3" -v cm="$chrono_mbs" \
    -v va="$(acc "$T/eval-vigie")" -v ca="$(acc "$T/eval-chrono")" 'BEGIN {
    mb = b / 1e6; vs = t1 - t0; cs = t3 - t2; vm = vs > 0 ? mb / vs : 0; cw = cs > 0 ? mb / cs : 0
    printf "%-14s %15s %10s\n", "system", "value accuracy", "MB/s"
    printf "%-14s %15s %10.2f   (wall clock, %.3f s for %.3f MB)\n", "vigie", va == "" ? "-" : va, vm, vs, mb
    printf "%-14s %15s %10.2f   (parsing loop; wall clock %.3f s = %.2f MB/s)\n", "chrono-node", ca == "" ? "-" : ca, cm, cs, cw
    printf "throughput ratio vigie/chrono: %.1f\n", cm > 0 ? vm / cm : 0
}'
