#!/bin/sh
# Runs a test program with a window manager (matchbox) on the X server, so that
# fullscreen and monitors behave as on a desktop. Usage: with-wm.sh PROGRAM [ARGS…]
set -eu
matchbox-window-manager -use_titlebar no >/dev/null 2>&1 &
wm=$!
trap 'kill $wm 2>/dev/null || true' EXIT
sleep 1
SCS_TEST_WM=1 "$@"
