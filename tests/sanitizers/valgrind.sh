#!/bin/sh
# Runs the core tests, the radar's tests and a PDF export under valgrind memcheck. Any
# invalid read or write, use of an uninitialised value, or memory definitely lost fails
# the run; tests/sanitizers/valgrind.supp lists the library-owned stacks let through.
# Usage: valgrind.sh SOURCE_ROOT BUILD   (prints TAP)
set -u
src=$1
build=$2
supp=$src/tests/sanitizers/valgrind.supp
export G_SLICE=always-malloc G_DEBUG=gc-friendly
# GIO loads its plug-ins (proxies, TLS, dconf) once and never unloads them: not the app's
# memory, and which are installed differs between machines. None is used by what runs here
# (no network, settings in memory), so none is loaded.
no_modules=$(mktemp -d)
export GIO_MODULE_DIR="$no_modules" GSETTINGS_BACKEND=memory
n=0
status=0
run () {
  name=$1
  shift
  n=$((n + 1))
  log=$build/tests/valgrind-$name.log
  if valgrind --quiet --error-exitcode=99 --leak-check=full --show-leak-kinds=definite \
       --errors-for-leak-kinds=definite --suppressions="$supp" --num-callers=30 \
       --log-file="$log" "$@" >"$log.out" 2>&1; then
    echo "ok $n - $name: memcheck clean"
  else
    echo "not ok $n - $name: see $log"
    grep -E "Invalid|uninitialised|definitely lost|by 0x.*scs" "$log" | head -8 | sed 's/^/# /'
    status=1
  fi
}
for t in history framework import scoring storage radar; do
  run "test-$t" "$build/tests/test-$t"
done
tmp=$(mktemp -d)
run "export-pdf" "$build/app/scs-assessor" --export-pdf "$tmp/report.pdf" \
  "$src/data/samples/example-aaa.scsa"
rm -rf "$tmp" "$no_modules"
echo "1..$n"
exit $status
