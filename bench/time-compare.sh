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
RUNS=${RUNS:-5}       # throughput runs per corpus, the best of each figure kept
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

# (c) throughput over the documents repeated $REPEAT times, ids made unique with a "#k" suffix, then
# over real news when ../shared has it. Like for like: chrono's figure times its parsing loop
# (no Node start-up, no JSON reading or writing), vigie's --timing figure its analysis loop (no
# start-up, reading or writing); vigie's whole run (wall clock) is shown beside it. Per core is MB
# per second of CPU time of the loop: Node compiles and collects garbage on threads of its own,
# which run on other cores while its loop runs, so its wall-clock figure uses more than one core.
# vigie analyses on one thread: its per-core figure is its wall-clock one (reading the CPU clock
# around each document would cost a system call each, a tenth of the loop), which counts against
# it the time a shared machine takes from it. The wall-clock ratio is shown beside.
jq -c -s --argjson n "$REPEAT" '. as $d | range($n) as $k | $d[] | .id = "\(.id)#\($k)"' "$DOCS" >"$T/big.jsonl"
now() { date +%s.%N; }
loop_mbs() { sed -n "s/^$1.* \([0-9.]*\) MB\/s.*/\1/p" "$2" | tail -1; } # the wall-clock figure a run printed
cpu_mbs() { sed -n "s/^$1.* \([0-9.]*\) MB per CPU second.*/\1/p" "$2" | tail -1; } # chrono's per-core figure
# one run on one corpus: "name vigie_loop_MB/s vigie_wall_MB/s chrono_loop_MB/s MB chrono_cpu_MB/s"
measure_once() {
    t0=$(now); "$VIGIE" time --quiet --timing "$2" >/dev/null 2>"$T/vigie.err"; t1=$(now)
    $CHRONO "$2" >/dev/null 2>"$T/chrono.err" || { cat "$T/chrono.err" >&2; exit 1; }
    mb=$(sed -n 's/.*analysis: \([0-9.]*\) MB.*/\1/p' "$T/vigie.err")
    echo "$1 $(loop_mbs "vigie: analysis" "$T/vigie.err") $(awk -v m="$mb" -v a="$t0" -v b="$t1" \
        'BEGIN { printf "%.2f", m / (b - a) }') $(loop_mbs chrono "$T/chrono.err") $mb $(cpu_mbs chrono "$T/chrono.err")"
}
# RUNS runs alternating the two systems, each figure its best: a shared machine slows some runs
# by half, and the slowest say least about either system
measure() {
    for r in $(seq "$RUNS"); do measure_once "$1" "$2"; done |
        awk '{ for (f = 2; f <= NF; f++) if ($f > best[f]) best[f] = $f; name = $1 }
             END { printf "%s", name; for (f = 2; f <= 6; f++) printf " %s", best[f]; printf "\n" }'
}
measure "gold-x$REPEAT" "$T/big.jsonl" >"$T/rows"
for c in news-fr news-en; do
    f=$ROOT/../shared/corpus/$c.jsonl
    [ -e "$f" ] && measure "$c" "$f" >>"$T/rows"
done
# a scorer figure: value accuracy (over relaxed span matches) and value F1 (accuracy x relaxed F1)
fig() { awk -v k="$2" 'index($0, k) == 1 { print $3; exit }' "$1"; }

echo
printf "%-12s %15s %9s\n" system "value accuracy" "value F1"
printf "%-12s %15s %9s\n" vigie "$(fig "$T/eval-vigie" "value accuracy")" "$(fig "$T/eval-vigie" "value F1")"
printf "%-12s %15s %9s\n" chrono-node "$(fig "$T/eval-chrono" "value accuracy")" "$(fig "$T/eval-chrono" "value F1")"
echo
echo "throughput of the analysis / parsing loops: per core (MB per CPU second) and wall clock (MB/s)"
awk '{ printf "%-12s %6.3f MB   per core: vigie %6.2f  chrono-node %5.2f  ratio %5.1f   wall clock: vigie %6.2f" \
       "  chrono-node %5.2f  ratio %5.1f (vigie whole run %6.2f)\n", $1, $5, $2, $6, ($6 > 0 ? $2 / $6 : 0), \
       $2, $4, ($4 > 0 ? $2 / $4 : 0), $3 }' "$T/rows"
