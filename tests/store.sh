#!/bin/sh
# Event store tests: ingest (idempotence, changed documents, a kill mid-way), queries (counts
# against `vigie code`, filters, full text, export, watch) and bad query input.
# usage: tests/store.sh VIGIE_BINARY      (prints "store: N passed, N failed")
# STORE_FULL=0 skips the runs over the whole shared corpus (the sanitizer build uses it).
VIGIE=${1:-build/vigie}
SHARED=${SHARED:-../shared}
SEED=$SHARED/corpus/000_806b4f77381108ad.txt
FULL=${STORE_FULL:-1}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL store: $1" >&2; }
expect_status() { [ "$3" -eq "$2" ] && ok || ko "$1: exit status $3, wanted $2"; }
expect_grep() { grep -q -- "$3" "$2" && ok || ko "$1: '$3' not in $(head -c 300 "$2")"; }
expect_eq() { [ "$2" = "$3" ] && ok || ko "$1: got '$2', wanted '$3'"; }
q() { sqlite3 "$1" "$2"; }

# What a store holds, as one line: compared between runs that must give the same store.
fingerprint() {
    q "$1" "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM sentences),
                   (SELECT count(*) FROM mentions), (SELECT count(*) FROM timexes),
                   (SELECT count(*) FROM events), (SELECT count(*) FROM event_groups),
                   (SELECT sum(num_articles) || '/' || sum(num_mentions) || '/' || sum(num_sources) FROM event_groups)"
    q "$1" "SELECT source, target, code, date, num_articles, num_mentions, num_sources FROM event_groups
            ORDER BY 1, 2, 3, 4" | md5sum
}

# Invariants that hold after any interruption: SQLite's own checks, the full-text index, and the
# group counters equal to what their events say.
consistent() {
    [ "$(q "$1" 'PRAGMA integrity_check')" = ok ] &&
    [ -z "$(q "$1" 'PRAGMA foreign_key_check')" ] &&
    q "$1" "INSERT INTO sentences_fts (sentences_fts) VALUES ('integrity-check')" &&
    [ "$(q "$1" "SELECT count(*) FROM event_groups g WHERE num_articles <> (SELECT count(*) FROM events WHERE grp = g.id)
                 OR num_mentions <> (SELECT sum(mentions) FROM events WHERE grp = g.id)
                 OR num_sources <> (SELECT count(DISTINCT pub_source) FROM events WHERE grp = g.id)")" = 0 ] &&
    [ "$(q "$1" 'SELECT count(*) FROM events WHERE grp IS NULL OR grp NOT IN (SELECT id FROM event_groups)')" = 0 ]
}

# --- the seed: dyad counts per month equal those of `vigie code` ---
"$VIGIE" ingest --db "$T/seed.db" "$SEED" 2>"$T/err"; expect_status "ingest seed" 0 $?
expect_grep "ingest seed" "$T/err" "1 new, 0 changed, 0 unchanged"
"$VIGIE" code -q "$SEED" >"$T/seed.events"
want=$(jq -r 'select(((.source.code[0:3] == "USA") and ((.target.code // "")[0:3] == "RUS"))
                  or ((.source.code[0:3] == "RUS") and ((.target.code // "")[0:3] == "USA")))
              | .date.value[0:7]' "$T/seed.events" | sort | uniq -c | awk '{ printf "%s=%s ", $2, $1 }')
"$VIGIE" dyad --db "$T/seed.db" --by month --format jsonl USA RUS >"$T/dyad"; expect_status "dyad" 0 $?
got=$(jq -r '"\(.period)=\(.events)"' "$T/dyad" | tr '\n' ' ')
expect_eq "seed dyad USA-RUS per month" "$got" "$want"
expect_grep "seed dyad has 2021-12" "$T/dyad" '"period":"2021-12"'
expect_grep "seed dyad has 2022-01" "$T/dyad" '"period":"2022-01"'
# the same counts from the table form (what an analyst sees)
"$VIGIE" dyad --db "$T/seed.db" --format table USA RUS >"$T/table"
expect_grep "dyad table" "$T/table" "^period  *events  *verbal_coop"
# every event of the seed is stored, with its evidence sentence
expect_eq "seed events stored" "$(q "$T/seed.db" 'SELECT count(*) FROM events')" "$(wc -l <"$T/seed.events" | tr -d ' ')"
"$VIGIE" events --db "$T/seed.db" --code 1312 --format jsonl >"$T/threat"
expect_eq "1312 event" "$(jq -r '"\(.source) \(.target) \(.date)"' "$T/threat")" "USAGOV RUSGOV 2021-12"
expect_grep "1312 evidence" "$T/threat" "avait menacé son homologue de sanctions"
"$VIGIE" events --db "$T/seed.db" --actor NATO --format jsonl >"$T/nato"
expect_eq "NATO events" "$(jq -r '"\(.source) \(.target) \(.code) \(.date)"' "$T/nato" | sort | tr '\n' ';')" \
    "RUS NATO 040 2022-01-12;RUSGOV NATO 020 2021-12;"
"$VIGIE" events --db "$T/seed.db" --actor RUS --from 2014 --to 2014 --format jsonl >"$T/y2014"
expect_eq "2014 events" "$(jq -r '.code' "$T/y2014")" "192"
"$VIGIE" events --db "$T/seed.db" --text "sanctions" --format jsonl >"$T/text"
[ "$(wc -l <"$T/text")" -ge 2 ] && ok || ko "full text: fewer than 2 events for 'sanctions'"
[ -z "$(jq -r 'select(.sentence | test("sanction") | not) | .event' "$T/text")" ] && ok || ko "full text: an event without 'sanction'"
"$VIGIE" events --db "$T/seed.db" --raw --dyad USA,RUS --directed --format csv >"$T/raw.csv"
expect_grep "raw csv header" "$T/raw.csv" "^mention,event,doc,published,date"
"$VIGIE" actors --db "$T/seed.db" --format jsonl >"$T/actors"
expect_eq "most active actor" "$(head -1 "$T/actors" | jq -r .actor)" "RUS"
"$VIGIE" export --db "$T/seed.db" >"$T/export.csv"
expect_grep "export header" "$T/export.csv" "^GLOBALEVENTID,SQLDATE,MonthYear,Year,FractionDate,Actor1Code,Actor1Name,Actor1CountryCode,Actor2Code"
expect_grep "export 046 row" "$T/export.csv" ",20220110,202201,2022,.*,046,046,04,1,"

# --- re-ingesting changes nothing; the same content under another id is a duplicate ---
fp1=$(fingerprint "$T/seed.db")
"$VIGIE" ingest --db "$T/seed.db" "$SEED" 2>"$T/err"
expect_grep "re-ingest" "$T/err" "0 new, 0 changed, 1 unchanged"
expect_eq "re-ingest same store" "$(fingerprint "$T/seed.db")" "$fp1"
cp "$SEED" "$T/copy-of-seed.txt"
"$VIGIE" ingest --db "$T/seed.db" "$T/copy-of-seed.txt" 2>"$T/err"
expect_grep "duplicate" "$T/err" "1 duplicate document"

# --- a changed document replaces its old rows in one go ---
printf '%s\n' '{"id":"x1","date":"2022-02-01","text":"Russia accused Ukraine of provocations."}' \
    '{"id":"x2","date":"2022-02-01","text":"France praised Germany."}' >"$T/v1.jsonl"
printf '%s\n' '{"id":"x1","date":"2022-02-01","text":"Russia threatened Ukraine with sanctions."}' \
    '{"id":"x2","date":"2022-02-01","text":"France praised Germany."}' >"$T/v2.jsonl"
"$VIGIE" ingest --db "$T/ch.db" "$T/v1.jsonl" 2>/dev/null
"$VIGIE" ingest --db "$T/ch.db" "$T/v2.jsonl" 2>"$T/err"
expect_grep "changed" "$T/err" "0 new, 1 changed, 1 unchanged"
expect_eq "changed events" "$(q "$T/ch.db" "SELECT group_concat(code, ' ') FROM (SELECT code FROM events e JOIN documents d ON d.id = e.doc WHERE d.doc_key = 'x1')")" "1312"
expect_eq "changed documents" "$(q "$T/ch.db" 'SELECT count(*) FROM documents')" "2"
consistent "$T/ch.db" && ok || ko "changed: store inconsistent"

# --- the same event in several articles is one event group; repetition does not inflate counts ---
printf '%s\n' '{"id":"g1","date":"2022-02-01","source":"Le Monde","text":"Russia threatened Ukraine with sanctions."}' \
    '{"id":"g2","date":"2022-02-01","source":"Libération","text":"Russia threatened Ukraine with sanctions, officials said."}' \
    '{"id":"g3","date":"2022-02-02","source":"Le Monde","text":"Russia threatened Ukraine with sanctions again."}' >"$T/g.jsonl"
"$VIGIE" ingest --db "$T/g.db" "$T/g.jsonl" 2>/dev/null
expect_eq "grouped across articles" "$(q "$T/g.db" "SELECT num_articles || ' ' || num_sources FROM event_groups WHERE code = '1312' AND date = '2022-02-01'")" "2 2"
expect_eq "raw events kept" "$(q "$T/g.db" "SELECT count(*) FROM events WHERE code = '1312'")" "3"
"$VIGIE" dyad --db "$T/g.db" --by day --format jsonl RUS UKR >"$T/gd"
expect_eq "dyad counts groups" "$(jq -r 'select(.period == "2022-02-01") | "\(.events) \(.articles)"' "$T/gd")" "1 2"
"$VIGIE" events --db "$T/g.db" --raw --code 1312 --format tsv >"$T/g.tsv"
expect_eq "raw TSV rows" "$(tail -n +2 "$T/g.tsv" | wc -l | tr -d ' ')" "3"
"$VIGIE" export --db "$T/g.db" --format tsv >"$T/g-export.tsv"
expect_grep "export TSV" "$T/g-export.tsv" "^GLOBALEVENTID	SQLDATE	"
consistent "$T/g.db" && ok || ko "grouping: store inconsistent"
# a store made by a newer vigie is refused, not damaged
cp "$T/g.db" "$T/new.db"
q "$T/new.db" "PRAGMA user_version = 99"
"$VIGIE" events --db "$T/new.db" 2>"$T/err" >/dev/null; expect_status "newer schema" 1 $?
expect_grep "newer schema" "$T/err" "schema version 99 is newer than this vigie knows (1)"

# --- bad query input: clear errors, no injection ---
"$VIGIE" events --db "$T/seed.db" --actor XYZ 2>"$T/err" >/dev/null; expect_status "unknown actor" 1 $?
expect_grep "unknown actor" "$T/err" "unknown actor code 'XYZ'"
"$VIGIE" events --db "$T/seed.db" --actor "RUS'--" 2>"$T/err" >/dev/null; expect_status "bad actor" 1 $?
expect_grep "bad actor" "$T/err" "invalid --actor"
"$VIGIE" events --db "$T/seed.db" --from 2022-02 --to 2021-12 2>"$T/err" >/dev/null; expect_status "inverted" 1 $?
expect_grep "inverted" "$T/err" "empty date range: --from 2022-02 is after --to 2021-12"
"$VIGIE" events --db "$T/seed.db" --from 2021-02-30 2>"$T/err" >/dev/null; expect_status "bad date" 1 $?
expect_grep "bad date" "$T/err" "invalid --from '2021-02-30'"
"$VIGIE" events --db "$T/seed.db" --to yesterday 2>"$T/err" >/dev/null; expect_status "bad date word" 1 $?
"$VIGIE" events --db "$T/seed.db" --code 13x 2>"$T/err" >/dev/null; expect_status "bad code" 1 $?
expect_grep "bad code" "$T/err" "invalid --code '13x'"
"$VIGIE" dyad --db "$T/seed.db" --by fortnight USA RUS 2>"$T/err" >/dev/null; expect_status "bad period" 1 $?
expect_grep "bad period" "$T/err" "invalid --by 'fortnight'"
"$VIGIE" events --db "$T/seed.db" --text "x' OR 1=1; DROP TABLE events; --" --format jsonl >"$T/out" 2>"$T/err"
expect_status "sql in --text" 0 $?
expect_eq "sql in --text: nothing found" "$(wc -l <"$T/out" | tr -d ' ')" "0"
"$VIGIE" events --db "$T/seed.db" --text 'sanctions" OR "NEAR(' --format jsonl >"$T/out" 2>"$T/err"
expect_status "fts syntax in --text" 0 $?
expect_eq "events table still there" "$(q "$T/seed.db" 'SELECT count(*) FROM events')" "$(wc -l <"$T/seed.events" | tr -d ' ')"
"$VIGIE" events --db "$T/none.db" 2>"$T/err" >/dev/null; expect_status "missing store" 1 $?
expect_grep "missing store" "$T/err" "none.db: cannot open the store"
"$VIGIE" events 2>"$T/err" >/dev/null; expect_status "no --db" 2 $?
"$VIGIE" ingest "$SEED" 2>"$T/err" >/dev/null; expect_status "ingest without --db" 2 $?
echo "not a database" >"$T/junk.db"
"$VIGIE" events --db "$T/junk.db" 2>"$T/err" >/dev/null; expect_status "junk store" 1 $?
expect_grep "junk store" "$T/err" "junk.db"

# --- watch: a quiet month, then a day of attacks ---
: >"$T/watch.jsonl"
for d in 01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 20; do
    case $d in
    *[02468]) line="Russia criticized Ukraine." ;;
    *) line="Russia praised Ukraine for its restraint." ;;
    esac
    printf '{"id":"w%s","date":"2022-01-%s","text":"%s"}\n' "$d" "$d" "$line" >>"$T/watch.jsonl"
done
printf '%s\n' '{"id":"w21","date":"2022-01-21","text":"Russian troops attacked Ukraine. Russian forces shelled Kharkiv. Russia threatened Ukraine with sanctions."}' \
    '{"id":"w22","date":"2022-01-22","text":"Russia criticized Ukraine."}' >>"$T/watch.jsonl"
"$VIGIE" ingest --db "$T/watch.db" "$T/watch.jsonl" 2>/dev/null
"$VIGIE" watch --db "$T/watch.db" --dyad RUS,UKR --format jsonl >"$T/alerts" 2>"$T/err"; expect_status watch 0 $?
expect_eq "watch alert day" "$(jq -r 'select(.z != null) | .day' "$T/alerts")" "2022-01-21"
expect_grep "watch drivers" "$T/alerts" '"code":"190"'
"$VIGIE" watch --db "$T/watch.db" --dyad RUS,UKR --threshold 50 --format jsonl >"$T/alerts"
expect_eq "watch high threshold" "$(grep -c '"z"' "$T/alerts")" "0"
"$VIGIE" watch --db "$T/watch.db" --dyad RUS,UKR --window 3 2>"$T/err" >/dev/null; expect_status "watch window" 2 $?

if [ "$FULL" = 1 ] && [ -d "$SHARED/corpus" ]; then
    # --- the whole corpus twice gives the same store as once ---
    "$VIGIE" ingest -q --db "$T/corpus.db" "$SHARED/corpus"; expect_status "ingest corpus" 0 $?
    fp1=$(fingerprint "$T/corpus.db")
    "$VIGIE" ingest --db "$T/corpus.db" "$SHARED/corpus" 2>"$T/err"; expect_status "ingest corpus again" 0 $?
    expect_grep "corpus again" "$T/err" " 0 new, 0 changed"
    expect_eq "corpus twice = once" "$(fingerprint "$T/corpus.db")" "$fp1"
    consistent "$T/corpus.db" && ok || ko "corpus store inconsistent"

    # --- killed mid-way (kill -9 after a batch is committed): consistent, and a rerun completes it ---
    cat "$SHARED/corpus/news-fr.jsonl" "$SHARED/corpus/news-fr-2022.jsonl" "$SHARED/corpus/news-en.jsonl" >"$T/archive.jsonl"
    "$VIGIE" ingest -q --db "$T/clean.db" "$T/archive.jsonl"
    "$VIGIE" ingest -q --db "$T/killed.db" "$T/archive.jsonl" &
    pid=$!
    n=0
    while [ "$(q "$T/killed.db" 'SELECT count(*) FROM documents' 2>/dev/null || echo 0)" -lt 1 ] && [ $n -lt 600 ]; do
        sleep 0.05
        n=$((n + 1))
    done
    if kill -9 $pid 2>/dev/null; then ok; else ko "kill: ingest ended before it could be killed"; fi
    wait $pid 2>/dev/null
    partial=$(q "$T/killed.db" 'SELECT count(*) FROM documents')
    all=$(q "$T/clean.db" 'SELECT count(*) FROM documents')
    [ "$partial" -gt 0 ] && [ "$partial" -lt "$all" ] && ok || ko "kill: $partial of $all documents, wanted a part"
    consistent "$T/killed.db" && ok || ko "killed store inconsistent"
    "$VIGIE" ingest -q --db "$T/killed.db" "$T/archive.jsonl"; expect_status "rerun after kill" 0 $?
    expect_eq "rerun after kill = clean ingest" "$(fingerprint "$T/killed.db")" "$(fingerprint "$T/clean.db")"
    consistent "$T/killed.db" && ok || ko "rerun store inconsistent"
fi

echo "store: $pass passed, $fail failed"
[ $fail -eq 0 ]
