#!/bin/sh
# Store bench: ingest rate over a generated archive of >= 100,000 articles (the shared corpora's
# articles repeated, each copy moved k weeks later and given a new id, so that every article is a
# new document to analyse), then the latency of the queries an analyst runs over it.
# usage: bench/store.sh [ARTICLES]   (default 100000; the store is left in build/bench-store.db)
cd "$(dirname "$0")/.."
VIGIE=build/vigie
SHARED=${SHARED:-../shared}
WANT=${1:-100000}
DB=build/bench-store.db
ARCHIVE=build/bench-archive.jsonl
set -e
cat "$SHARED/corpus/news-fr.jsonl" "$SHARED/corpus/news-fr-2022.jsonl" "$SHARED/corpus/news-en.jsonl" >build/bench-base.jsonl
per_copy=$(wc -l <build/bench-base.jsonl)
copies=$(( (WANT + per_copy - 1) / per_copy ))
if [ ! -f "$ARCHIVE" ] || [ "$(wc -l <"$ARCHIVE")" -lt "$WANT" ]; then
    k=0
    : >"$ARCHIVE"
    while [ $k -lt $copies ]; do
        jq -c --argjson k $k '.id = "\(.id)#\($k)"
            | .date = ((.date // "2019-01-01")[0:10] | strptime("%Y-%m-%d") | mktime + $k * 7 * 86400 | strftime("%Y-%m-%d"))' \
            build/bench-base.jsonl >>"$ARCHIVE"
        k=$((k + 1))
    done
fi
articles=$(wc -l <"$ARCHIVE")
mb=$(jq -j .text "$ARCHIVE" | wc -c | awk '{ printf "%.1f", $1 / 1e6 }')
rm -f "$DB" "$DB-wal" "$DB-shm"
now() { date +%s.%N; }
t0=$(now)
"$VIGIE" ingest -q --db "$DB" "$ARCHIVE"
t1=$(now)
events=$(sqlite3 "$DB" 'SELECT count(*) FROM events')
groups=$(sqlite3 "$DB" 'SELECT count(*) FROM event_groups')
awk -v a="$articles" -v mb="$mb" -v t0="$t0" -v t1="$t1" -v e="$events" -v g="$groups" 'BEGIN {
    s = t1 - t0
    printf "ingest: %d articles, %.1f MB of text, %d events (%d grouped) in %.1f s: %.0f documents/s, %.2f MB/s\n", a, mb, e, g, s, a / s, mb / s
}'
echo "store size: $(du -m "$DB" | cut -f1) MB"
# median wall time of 11 runs of a query, in milliseconds (process start included)
latency() {
    label=$1
    shift
    i=0
    : >build/bench-latency
    while [ $i -lt 11 ]; do
        a=$(now)
        "$VIGIE" "$@" --format jsonl >build/bench-query.out
        b=$(now)
        echo "$a $b" | awk '{ printf "%.1f\n", ($2 - $1) * 1000 }' >>build/bench-latency
        i=$((i + 1))
    done
    printf '%-44s %8s ms  (%d rows)\n' "$label" "$(sort -n build/bench-latency | sed -n 6p)" "$(wc -l <build/bench-query.out)"
}
latency "dyad USA RUS by day" dyad --db "$DB" --by day USA RUS
latency "dyad FRA DEU by month, 2019" dyad --db "$DB" --by month --from 2019 --to 2019 FRA DEU
latency "events --actor RUS --code 13" events --db "$DB" --actor RUS --code 13
latency "events --text sanctions --limit 100" events --db "$DB" --text sanctions --limit 100
latency "actors (top 20)" actors --db "$DB"
latency "watch --dyad USA,RUS" watch --db "$DB" --dyad USA,RUS
