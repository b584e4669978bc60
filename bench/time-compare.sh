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
REPEAT=${REPEAT:-200} # copies of DOCS for the throughput run
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
: >"$T/empty.jsonl"
t0=$(now); "$VIGIE" time --quiet "$T/big.jsonl" >/dev/null; t1=$(now)
# vigie's start-up (loading its dictionaries), the counterpart of what chrono's figure leaves out
u0=$(now); "$VIGIE" time --quiet "$T/empty.jsonl" >/dev/null; u1=$(now)
t2=$(now); $CHRONO "$T/big.jsonl" >/dev/null 2>"$T/chrono-big.err"; t3=$(now)
cat "$T/chrono-big.err" >&2
# chrono's own figure times its parsing loop only (no Node start-up, no JSON reading or writing)
chrono_s=$(sed -n 's/.* MB in \([0-9.]*\) s,.*/\1/p' "$T/chrono-big.err")
# a scorer figure: value accuracy (over relaxed span matches) and value F1 (accuracy x relaxed F1)
fig() { awk -v k="$2" 'index($0, k) == 1 { print $3; exit }' "$1"; }

echo
awk -v b="$BYTES" -v t0="$t0" -v t1="$t1" -v t2="$t2" -v t3="$t3" -v u="$u0 $u1" -v cp="$chrono_s" \
    -v va="$(fig "$T/eval-vigie" "value accuracy")" -v vf="$(fig "$T/eval-vigie" "value F1")" \
    -v ca="$(fig "$T/eval-chrono" "value accuracy")" -v cf="$(fig "$T/eval-chrono" "value F1")" 'BEGIN {
    mb = b / 1e6; vs = t1 - t0; cs = t3 - t2; vm = vs > 0 ? mb / vs : 0; cw = cs > 0 ? mb / cs : 0; cm = cp > 0 ? mb / cp : 0
    split(u, uu, " "); us = uu[2] - uu[1]; va_s = vs - us; vl = va_s > 0 ? mb / va_s : 0
    printf "%-12s %15s %9s %9s\n", "system", "value accuracy", "value F1", "MB/s"
    printf "%-12s %15s %9s %9.2f   (wall clock, %.3f s for %.3f MB)\n", "vigie", \
        (va == "" ? "-" : va), (vf == "" ? "-" : vf), vm, vs, mb
    printf "%-12s %15s %9s %9.2f   (parsing loop; wall clock %.3f s = %.2f MB/s)\n", "chrono-node", \
        (ca == "" ? "-" : ca), (cf == "" ? "-" : cf), cm, cs, cw
    printf "%-12s %15s %9s %9.2f   (the same less its start-up, %.3f s: what chrono'"'"'s figure leaves out)\n", \
        "vigie", "", "", vl, us
    printf "throughput ratio vigie/chrono: %.1f wall clock, %.1f both without start-up\n", \
        (cm > 0 ? vm / cm : 0), (cm > 0 ? vl / cm : 0)
}'
