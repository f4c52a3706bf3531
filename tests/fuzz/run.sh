#!/bin/sh
# Builds the libFuzzer targets with clang, AddressSanitizer and UndefinedBehaviorSanitizer,
# and runs each for SECONDS over a seed corpus made from the samples and the malformed-file
# corpus. Prints the executions each reached; fails on any crash, leak or sanitizer report,
# leaving the input that caused it in BUILD/artifacts/.
# Usage: run.sh SOURCE_ROOT BUILD SECONDS [TARGET...]  (a long run: run.sh . build-fuzz 3600)
# With no TARGET, runs engagement, framework, import and protected in turn.
set -eu
src=$(cd "$1" && pwd)
build=$2
seconds=$3
shift 3
targets=${*:-engagement framework import protected}
if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" "$src" -Dfuzzing=true -Db_sanitize=address,undefined \
    -Db_lundef=false --buildtype=debugoptimized >/dev/null
fi
ninja -C "$build" >/dev/null
mkdir -p "$build/artifacts"
export SCS_FUZZ_EXAMPLE="$src/data/samples/example-aaa.scsa"
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
status=0
n=0
for target in $targets; do
  corpus=$build/corpus-$target
  mkdir -p "$corpus"
  case $target in
    framework) cp "$src"/data/frameworks/*.json "$src"/tests/data/bad-frameworks/*.json "$corpus"/ ;;
    protected) cp "$src"/tests/fuzz/seeds-protected/* "$corpus"/
               cp "$src"/tests/data/base.scsa "$corpus"/plain-base.scsa ;;
    *) cp "$src"/data/samples/*.scsa "$src"/tests/data/*.scsa "$src"/tests/data/bad/*.scsa "$corpus"/ ;;
  esac
  n=$((n + 1))
  log=$build/fuzz-$target.log
  if "$build/tests/fuzz/fuzz-$target" "$corpus" -max_total_time="$seconds" -max_len=1048576 \
       -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="$build/artifacts/$target-" \
       >"$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    echo "ok $n - fuzz-$target: $runs executions in ${seconds} s, no crash"
  else
    echo "not ok $n - fuzz-$target crashed; input in $build/artifacts/"
    grep -E "ERROR|runtime error|SUMMARY" "$log" | head -5 | sed 's/^/# /'
    status=1
  fi
done
echo "1..$n"
exit $status
