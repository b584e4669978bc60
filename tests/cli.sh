#!/bin/sh
# Command-line tests: bad input of every kind, exit statuses, messages, input forms.
# usage: tests/cli.sh VIGIE_BINARY     (prints "cli: N passed, N failed")
VIGIE=${1:-build/vigie}
SHARED=${SHARED:-../shared}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0
fail=0

ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL cli: $1" >&2; }
# expect NAME STATUS_WANTED STATUS_GOT
expect_status() { [ "$3" -eq "$2" ] && ok || ko "$1: exit status $3, wanted $2"; }
# expect_grep NAME FILE PATTERN
expect_grep() { grep -q -- "$3" "$2" && ok || { ko "$1: '$3' not in $(head -c 300 "$2")"; }; }

SAMPLE=examples/sample-fr.txt

# --- usage and help ---
"$VIGIE" --version >"$T/out" 2>&1; expect_status version 0 $?
expect_grep version "$T/out" "^vigie [0-9]"
for c in code time actors split; do
    "$VIGIE" $c --help >"$T/out" 2>&1; expect_status "help $c" 0 $?
    expect_grep "help $c" "$T/out" "usage: vigie $c"
done
"$VIGIE" frobnicate >"$T/out" 2>"$T/err"; expect_status "unknown command" 2 $?
expect_grep "unknown command" "$T/err" "unknown command 'frobnicate'"
"$VIGIE" code --bogus x >"$T/out" 2>"$T/err"; expect_status "unknown option" 2 $?
"$VIGIE" code --date 2021-13-01 "$SAMPLE" >"$T/out" 2>"$T/err"; expect_status "bad --date" 2 $?
expect_grep "bad --date" "$T/err" "invalid --date '2021-13-01'"
"$VIGIE" code /nonexistent/file.txt >"$T/out" 2>"$T/err"; expect_status "missing file" 1 $?
expect_grep "missing file" "$T/err" "/nonexistent/file.txt: cannot open"

# --- the sample article: seed form, events out ---
"$VIGIE" code "$SAMPLE" >"$T/out" 2>"$T/err"; expect_status sample 0 $?
[ "$(wc -l <"$T/out")" -ge 3 ] && ok || ko "sample: fewer than 3 events"
expect_grep sample "$T/err" "1 document, [0-9]* events, 0 rejected"
# every span cut out of the original file gives exactly the text it claims
jq -r '[.source.span[0], .source.span[1], .source.text] | @tsv' "$T/out" | while IFS="$(printf '\t')" read -r a b text; do
    got=$(tail -c +$((a + 1)) "$SAMPLE" | head -c $((b - a)))
    [ "$got" = "$text" ] || echo "span $a-$b: '$got' != '$text'"
done >"$T/spans"
[ ! -s "$T/spans" ] && ok || ko "sample spans: $(head -3 "$T/spans")"
"$VIGIE" code --format tsv "$SAMPLE" >"$T/out" 2>/dev/null; expect_status tsv 0 $?
expect_grep tsv "$T/out" "^doc	sentence	sentence_start"
"$VIGIE" time --format timeml "$SAMPLE" >"$T/out" 2>/dev/null; expect_status timeml 0 $?
expect_grep timeml "$T/out" "<TIMEX3 tid=\"t1\""
# --timing: the analysis loop's own figure, counted over the documents' text bytes (here 2 x 600,000)
awk 'BEGIN { t = ""; for (i = 0; i < 40000; i++) t = t "Le 10 janvier. "; # 15 bytes each
             for (d = 1; d <= 2; d++) printf "{\"id\":\"t%d\",\"date\":\"2021-12-01\",\"text\":\"%s\"}\n", d, t }' >"$T/timing.jsonl"
"$VIGIE" time --quiet --timing "$T/timing.jsonl" >"$T/out" 2>"$T/err"; expect_status timing 0 $?
expect_grep timing "$T/err" "^vigie: analysis: 1.200 MB of text in [0-9.]* s, [0-9.]* MB/s$"
[ "$(grep -c '"value":"2022-01-10"' "$T/out")" -eq 80000 ] && ok || ko "timing: $(wc -l <"$T/out") expressions"
# standard input, and a directory read recursively
"$VIGIE" code - <"$SAMPLE" >"$T/out" 2>"$T/err"; expect_status stdin 0 $?
expect_grep stdin "$T/err" "1 document"
mkdir -p "$T/dir/sub"; cp "$SAMPLE" "$T/dir/a.txt"; cp "$SAMPLE" "$T/dir/sub/b.txt"
"$VIGIE" code "$T/dir" >"$T/out" 2>"$T/err"; expect_status directory 0 $?
expect_grep directory "$T/err" "2 documents"

# --- bad input: each reported, the others go on, nothing crashes ---
printf 'date 2021-12 La Russie a menac\351 l'"'"'Ukraine.\n' >"$T/latin1.txt"
"$VIGIE" code "$T/latin1.txt" "$SAMPLE" >"$T/out" 2>"$T/err"; expect_status "invalid UTF-8" 1 $?
expect_grep "invalid UTF-8" "$T/err" "latin1.txt:1: invalid UTF-8 byte 0xE9 at byte offset 30"
expect_grep "invalid UTF-8 others go on" "$T/err" "1 document, [0-9]* events, 1 rejected"

printf 'Le président russe a menacé l'"'"'Ukraine de sanctions.\n' >"$T/nodate.txt"
"$VIGIE" code "$T/nodate.txt" >"$T/out" 2>"$T/err"; expect_status "no date" 0 $?
expect_grep "no date" "$T/err" "warning: .*nodate.txt: no publication date"
[ "$(jq -r '.date' "$T/out" | sort -u)" = "null" ] && ok || ko "no date: events should be undated"

printf 'date 2021-13 La Russie a menacé l'"'"'Ukraine.\n' >"$T/baddate.txt"
"$VIGIE" code "$T/baddate.txt" >"$T/out" 2>"$T/err"; expect_status "malformed date" 1 $?
expect_grep "malformed date" "$T/err" "baddate.txt:1: malformed publication date '2021-13'"

: >"$T/empty.txt"
"$VIGIE" code "$T/empty.txt" >"$T/out" 2>"$T/err"; expect_status "empty file" 0 $?
[ ! -s "$T/out" ] && ok || ko "empty file: output not empty"

awk 'BEGIN { srand(7); for (i = 0; i < 65536; i++) printf "%c", int(rand() * 256) }' >"$T/binary.bin"
"$VIGIE" code "$T/binary.bin" >"$T/out" 2>"$T/err"; expect_status "binary file" 1 $?
expect_grep "binary file" "$T/err" "binary.bin:[0-9]*: \(invalid UTF-8 byte\|NUL byte\)"

{
    echo '{"id": "a", "date": "2021-12-01", "lang": "fr", "text": "Le président américain a menacé la Russie de sanctions."}'
    echo '{"id": "b", "date": "2021-12-01", "text": "broken'
    echo ''
    echo '{"id": "c", "date": "2022-02-24", "text": "Russia invaded Ukraine on Thursday."}'
    echo '{"id": "d", "date": "2021-12-45", "text": "La Russie a annexé la Crimée."}'
    echo '{"id": "e", "text": 42}'
} >"$T/mixed.jsonl"
"$VIGIE" code "$T/mixed.jsonl" >"$T/out" 2>"$T/err"; expect_status "broken JSONL" 1 $?
expect_grep "broken JSONL line" "$T/err" "mixed.jsonl:2: invalid JSON"
expect_grep "broken JSONL date" "$T/err" "mixed.jsonl:5: document 'd': malformed date"
expect_grep "broken JSONL text" "$T/err" "mixed.jsonl:6: record without a \"text\" string"
expect_grep "broken JSONL good ones" "$T/err" "2 documents, [0-9]* events, 3 rejected"
[ "$(jq -r .doc "$T/out" | sort -u | tr '\n' ' ')" = "a c " ] && ok || ko "broken JSONL: good records not all coded"

# a long document (50 MB; BIG_MB under the sanitizers): the sample's body repeated. It is read in
# parts, so memory stays bounded: peak resident memory must not reach the document's size.
BIG_MB=${BIG_MB:-50}
{ echo "date 2021-12-20"; i=0; while [ $i -lt 12 ]; do tail -n +2 "$SAMPLE"; i=$((i + 1)); done; } >"$T/chunk.txt"
{ head -1 "$T/chunk.txt"; while [ "$(stat -c %s "$T/big.body" 2>/dev/null || echo 0)" -lt $((BIG_MB * 1048576)) ]; do tail -n +2 "$T/chunk.txt" >>"$T/big.body"; done; cat "$T/big.body"; } >"$T/big.txt"
rm -f "$T/big.body"
head -c 2097152 "$T/big.txt" >"$T/small.txt"
/usr/bin/time -f "%M" -o "$T/rss_small" "$VIGIE" code "$T/small.txt" >/dev/null 2>&1
/usr/bin/time -f "%M" -o "$T/rss" "$VIGIE" code "$T/big.txt" >"$T/out" 2>"$T/err"; expect_status "$BIG_MB MB document" 0 $?
[ "$(wc -l <"$T/out")" -ge $((BIG_MB * 4)) ] && ok || ko "$BIG_MB MB document: too few events"
expect_grep "$BIG_MB MB document counted once" "$T/err" "1 document, [0-9]* events, 0 rejected"
rss_kb=$(tail -1 "$T/rss"); rss_small_kb=$(tail -1 "$T/rss_small")
if [ "${CHECK_RSS:-1}" = 1 ]; then # (the sanitizers' quarantine grows with the work done)
    [ "$rss_kb" -lt $((rss_small_kb * 3 / 2)) ] && ok ||
        ko "$BIG_MB MB document: peak memory $rss_kb KB against $rss_small_kb KB for 2 MB: it grows with the input"
fi
# spans of the last part still point into the whole file
jq -r 'select(.part) | [.source.span[0], .source.span[1], .source.text] | @tsv' "$T/out" | tail -3 |
    while IFS="$(printf '\t')" read -r a b text; do
        got=$(tail -c +$((a + 1)) "$T/big.txt" | head -c $((b - a)))
        [ "$got" = "$text" ] || echo "span $a-$b: '$got' != '$text'"
    done >"$T/spans"
[ ! -s "$T/spans" ] && ok || ko "long document spans: $(head -3 "$T/spans")"
rm -f "$T/big.txt"

# --- PETRARCH actor and agent dictionaries (fictional actors, written for this test) ---
cat >"$T/p.actors" <<'EOF2'
<!-- a comment line, as PETRARCH files have -->
VALDORIA_ [VLD]   # a country
+VALDORIAN
OLD_PORT_REPUBLIC
	[OPR]
TOMAS_BREK_  ; TABARI comment
	[VLDREB <20100101]
	[VLDGOV 20100102-20151231]
	[VLDELI >20160101]
MISTY_HOLLOW [---]
BROKEN_NAME [VLD
KESTRAN [KST]
EOF2
sed -i "s/\\\\t/$(printf '\t')/" "$T/p.actors"
cat >"$T/p.agents" <<'EOF2'
!CREW! = SAILOR, SAILORS
HARBOUR_GUARD [~MIL]
RELIEF_AGENCY {} [NGO~]
!CREW!_OF_THE_FLEET [~NAV]
STRAY_WORD
EOF2
PA="--petrarch-actors $T/p.actors --petrarch-agents $T/p.agents"
printf '%s\n' 'Valdoria accused Kestran of spying.' 'Tomas Brek accused Kestran of spying.' \
    'Valdorian harbour guards attacked Kestran.' 'Misty Hollow accused Kestran of spying.' |
    "$VIGIE" code $PA -l en -i text -d 2012-05-01 >"$T/out" 2>"$T/err"; expect_status "petrarch dictionaries" 0 $?
expect_grep "petrarch: name and alias" "$T/out" '"source":{"code":"VLD","text":"Valdoria"'
expect_grep "petrarch: dated code" "$T/out" '"source":{"code":"VLDGOV","text":"Tomas Brek"'
expect_grep "petrarch: agent plural after an alias" "$T/out" '"source":{"code":"VLDMIL","text":"Valdorian harbour guards"'
grep -q '"text":"Misty Hollow"' "$T/out" && ko "petrarch: a [---] name is no actor" || ok
expect_grep "petrarch: bad actor line" "$T/err" "p.actors:11: '\[' without '\]' (skipped)"
expect_grep "petrarch: bad agent line" "$T/err" "p.agents:5: expected PHRASE"
echo 'Tomas Brek accused Kestran of spying.' | "$VIGIE" code $PA -l en -i text -d 2017-01-01 -q 2>/dev/null >"$T/out"
expect_grep "petrarch: later dated code" "$T/out" '"code":"VLDELI"'
echo 'The relief agency of Valdoria and the sailors of the fleet of Kestran met.' |
    "$VIGIE" actors $PA -l en -i text -d 2012-05-01 -q 2>/dev/null >"$T/out"
expect_grep "petrarch: code before the actor's" "$T/out" '"code":"NGOVLD"'
expect_grep "petrarch: substitution marker" "$T/out" '"code":"KSTNAV"'
"$VIGIE" code --petrarch-actors /nonexistent.actors -q </dev/null >"$T/out" 2>"$T/err"; expect_status "petrarch missing file" 2 $?
expect_grep "petrarch missing file" "$T/err" "/nonexistent.actors: cannot read"

# --- PETRARCH verb dictionaries (a fictional dictionary, written for this test) ---
cat >"$T/p.verbs" <<'EOF2'
<!-- verbs for vigie's tests -->
&GOODS
+GRAIN
+TIMBER_BEAM

&TONE_
+MOCKINGLY
+COLDLY

--- SALUTE [951] ---
SALUTE
- * &TONE [---]

--- SHIP [070] ---
SHIP
- * &GOODS [073]
- SECRETLY * [074]
+BACK_DOWN [081]
- * NO CODE
- NO VERB [010]
- * &UNDEFINED [010]

--- HOST [042:043] ---
HOST

--- CREDIT [051] ---
CREDIT
- * + FOR_HELPING $ [052]

--- MEET [036] ---
MEET {MET}
- % * [038]
EOF2
PV="--petrarch-actors $T/p.actors --petrarch-verbs $T/p.verbs"
# pverb NAME SENTENCE WANTED: the sentence's events as "SOURCE TARGET CODE", joined by "; "
pverb() {
    got=$(echo "$2" | "$VIGIE" code $PV -l en -i text -d 2012-05-01 -q 2>/dev/null |
        jq -r '[.source.code, .target.code, .code] | join(" ")' | paste -sd ';' -)
    [ "$got" = "$3" ] && ok || ko "petrarch verbs: $1: '$got', wanted '$3'"
}
pverb "block code outside CAMEO" 'Valdoria saluted Kestran.' 'VLD KST 951'
pverb "null code" 'Valdoria saluted Kestran coldly.' ''
pverb "synset after the verb" 'Valdoria shipped grain to Kestran.' 'VLD KST 073'
pverb "synset member's plural" 'Valdoria shipped timber beams to Kestran.' 'VLD KST 073'
pverb "consecutive member words" 'Valdoria shipped timber and beams to Kestran.' 'VLD KST 070'
pverb "no pattern: the block code" 'Valdoria shipped coal to Kestran.' 'VLD KST 070'
pverb "word before the verb" 'Valdoria secretly shipped coal to Kestran.' 'VLD KST 074'
pverb "multi-word verb" 'Valdoria backed down before Kestran.' 'VLD KST 081'
pverb "[A:B] codes both ways" 'Valdoria hosted Kestran.' 'VLD KST 042;KST VLD 043'
pverb "\$ and + slots" 'Kestran credited Valdoria for helping Old Port Republic.' 'OPR VLD 052'
pverb "% compound subject" 'Valdoria and Kestran met.' 'VLD KST 038;KST VLD 038'
pverb "irregular form" 'Valdoria met Kestran.' 'VLD KST 036'
pverb "vigie's own patterns replaced" 'Valdoria accused Kestran of spying.' ''
echo 'Valdoria saluted Kestran.' | "$VIGIE" code $PV -l en -i text -d 2012-05-01 -q 2>"$T/err" >"$T/out"
expect_grep "petrarch verbs: no Goldstein outside CAMEO" "$T/out" '"quad_class":0,"goldstein":0'
expect_grep "petrarch verbs: pattern without code" "$T/err" "p.verbs:19: expected \[CODE\] or \[CODE:CODE\] after the pattern (skipped)"
expect_grep "petrarch verbs: pattern without verb" "$T/err" "p.verbs:20: expected one '\*' (the verb)"
expect_grep "petrarch verbs: undefined synset" "$T/err" "p.verbs:21: synset '&UNDEFINED' used before its definition"

# --- a user's dictionary with a mistake: the file and line are named, nothing starts ---
DATA=${VIGIE_DATA:-build/data}
if [ -f "$DATA/en/verbs.txt" ]; then
    cp -r "$DATA" "$T/data"
    printf '010\tsay %s +T\n' "$(seq -s '|' 1 70)" >>"$T/data/en/verbs.txt"
    VIGIE_DATA="$T/data" "$VIGIE" code "$SAMPLE" >"$T/out" 2>"$T/err"; expect_status "too many alternatives" 2 $?
    expect_grep "too many alternatives" "$T/err" "en/verbs.txt:[0-9]*: more than 64 alternatives"
    cp "$DATA/en/verbs.txt" "$T/data/en/verbs.txt"
    printf '999\tfrobnicate +T\n' >>"$T/data/en/verbs.txt"
    VIGIE_DATA="$T/data" "$VIGIE" code "$SAMPLE" >"$T/out" 2>"$T/err"; expect_status "unknown code" 2 $?
    expect_grep "unknown code" "$T/err" "en/verbs.txt:[0-9]*: unknown CAMEO code '999'"
    # the generated verb forms missing (make run before scripts/setup): no silently empty coding
    cp "$DATA/en/verbs.txt" "$T/data/en/verbs.txt"
    rm "$T/data/en/verbforms.tsv"
    VIGIE_DATA="$T/data" "$VIGIE" code "$SAMPLE" >"$T/out" 2>"$T/err"; expect_status "verb forms missing" 2 $?
    expect_grep "verb forms missing" "$T/err" "en/verbforms.tsv: not found: the verb forms of verbs.txt's patterns"
fi

# eval: a gold intent (root 13) takes the act it announces (16) only from an event flagged planned
printf '%s\n' '{"id":"i1","date":"2022-03-02","lang":"en","text":"Russia will impose sanctions on Ukraine."}' \
    '{"id":"i2","date":"2022-03-02","lang":"en","text":"Russia imposed sanctions on Ukraine."}' >"$T/intent.jsonl"
for d in i1 i2; do
    printf '{"doc":"%s","id":"E1","locator":"sanctions on Ukraine","source":["RUS"],"target":["UKR"],"roots":["13"],"intent_roots":["16"],"required":true}\n' $d
done >"$T/intent.gold.jsonl"
"$VIGIE" eval "$T/intent.gold.jsonl" "$T/intent.jsonl" >"$T/out" 2>"$T/err"; expect_status "intent roots" 0 $?
expect_grep "intent roots" "$T/out" "^root + dyad .*(1/2 gold found"
expect_grep "intent roots" "$T/out" "^miss event i2/E1"

# the real corpora, when present beside the checkout
for corpus in news-fr.jsonl news-en.jsonl; do
    [ -f "$SHARED/corpus/$corpus" ] || continue
    "$VIGIE" code "$SHARED/corpus/$corpus" >"$T/out" 2>"$T/err"; st=$?
    [ $st -le 1 ] && ok || ko "$corpus: exit status $st"
    expect_grep "$corpus" "$T/err" "documents, [0-9]* events"
done

echo "cli: $pass passed, $fail failed"
[ $fail -eq 0 ]
