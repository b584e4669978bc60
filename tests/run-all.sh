#!/bin/sh
# Runs every test: the case runner and the CLI tests, normally and under ASan + UBSan.
# Prints one closing line "N passed, N failed".
cd "$(dirname "$0")/.."
total_pass=0
total_fail=0
run() {
    label=$1
    shift
    out=$("$@" 2>&1)
    status=$?
    echo "$out" | grep -E '^(FAIL|ERROR|==[0-9]+==|.*runtime error)' | head -40
    line=$(echo "$out" | grep -E '[0-9]+ passed, [0-9]+ failed' | tail -1)
    p=$(echo "$line" | sed -E 's/.* ([0-9]+) passed.*/\1/')
    f=$(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')
    [ -n "$line" ] || { p=0; f=1; echo "$label: no summary (exit $status)"; echo "$out" | tail -20; }
    [ $status -eq 0 ] || [ "$f" -gt 0 ] || f=1
    echo "$label: $p passed, $f failed"
    total_pass=$((total_pass + p))
    total_fail=$((total_fail + f))
}
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
run "cases" build/tests/check tests/cases
run "cli" sh tests/cli.sh build/vigie
run "eval" sh tests/eval.sh build/vigie
run "store" sh tests/store.sh build/vigie
run "cases (asan+ubsan)" build/asan/tests/check tests/cases
run "eval (asan+ubsan)" sh tests/eval.sh build/asan/vigie
run "cli (asan+ubsan)" env BIG_MB=8 CHECK_RSS=0 sh tests/cli.sh build/asan/vigie
run "store (asan+ubsan)" env STORE_FULL=0 sh tests/store.sh build/asan/vigie
echo "$total_pass passed, $total_fail failed"
[ $total_fail -eq 0 ]
