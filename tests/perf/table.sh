#!/bin/sh
# Runs every benchmark (tests/perf) under Xvfb and prints the figures each gives against
# its baseline and goal, one block per benchmark.
# Usage: tests/perf/table.sh [BUILD]   (default: build)
set -eu
build=${1:-build}
log=$(mktemp)
xvfb-run -a -s "-screen 0 1600x1000x24" meson test -C "$build" --benchmark -v >"$log" 2>&1 || true
awk '
  /^[ 0-9]+\/[0-9]+ [a-z-]+ +RUNNING/ { printf "\n== %s\n", $2; next }
  /ratio|goal|baseline|median|×|ms|MB/ && !/^>>>|^dbus-daemon|RUNNING|^[ 0-9]+\/[0-9]+ / { print "  " $0 }
' "$log"
grep -E "^[ 0-9]+/[0-9]+ .*(FAIL|ERROR|TIMEOUT)" "$log" && exit 1
rm -f "$log"
