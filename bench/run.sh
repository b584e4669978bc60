#!/bin/sh
# Throughput and peak memory of `vigie code` over news corpora (default: the French and English
# JSON Lines corpora in ../shared/corpus). usage: bench/run.sh [CORPUS.jsonl ...]
cd "$(dirname "$0")/.."
VIGIE=build/vigie
[ $# -gt 0 ] || set -- ../shared/corpus/news-fr.jsonl ../shared/corpus/news-fr-2022.jsonl ../shared/corpus/news-en.jsonl
printf '%-28s %8s %8s %9s %8s %10s %8s %12s %9s\n' corpus MB docs sentences events seconds "MB/s" "sentences/s" "peak MB"
for corpus in "$@"; do
    [ -f "$corpus" ] || { echo "bench: $corpus: not found" >&2; continue; }
    bytes=$(jq -r '.text' "$corpus" | wc -c)
    sentences=$("$VIGIE" split -q "$corpus" | wc -l)
    # RUNS runs (default 5), the median time: a shared machine slows single runs at random
    : >/tmp/vigie-bench-runs.$$
    for run in $(seq "${RUNS:-5}"); do
        /usr/bin/time -f '%e %M' -o /tmp/vigie-bench.$$ "$VIGIE" code "$corpus" >/tmp/vigie-bench-out.$$ 2>/tmp/vigie-bench-err.$$
        cat /tmp/vigie-bench.$$ >>/tmp/vigie-bench-runs.$$
    done
    median=$(sort -n /tmp/vigie-bench-runs.$$ | awk '{ t[NR] = $1; if ($2 > k) k = $2 } END { print t[int((NR + 1) / 2)], k }')
    secs=${median% *}
    kb=${median#* }
    docs=$(grep -o '[0-9]* documents' /tmp/vigie-bench-err.$$ | cut -d' ' -f1)
    events=$(wc -l </tmp/vigie-bench-out.$$)
    awk -v c="$(basename "$corpus")" -v b="$bytes" -v d="$docs" -v s="$sentences" -v e="$events" -v t="$secs" -v k="$kb" \
        'BEGIN { t = t > 0 ? t : 0.01; printf "%-28s %8.2f %8d %9d %8d %10.2f %8.2f %12.0f %9.1f\n", c, b / 1e6, d, s, e, t, b / 1e6 / t, s / t, k / 1024 }'
    rm -f /tmp/vigie-bench.$$ /tmp/vigie-bench-out.$$ /tmp/vigie-bench-err.$$ /tmp/vigie-bench-runs.$$
done
echo "(median of ${RUNS:-5} runs; sentences/s = sentences / seconds; one core; vigie $("$VIGIE" --version | cut -d' ' -f2))"
