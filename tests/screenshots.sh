#!/bin/sh
# Writes the README's screenshots to data/screenshots/: Japanese and English, light and
# dark, 1366×768 and 1920×1080, of the bundled example as it opens.
# Needs a build in ./build, xvfb-run, dbus-run-session and ImageMagick's import.
# Usage: tests/screenshots.sh [BUILD_DIR]
set -eu
build=${1:-build}
out=data/screenshots
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp data/samples/example-aaa.scsa "$tmp/example-aaa.scsa"

for size in 1366x768 1920x1080; do
  w=${size%x*}; h=${size#*x}
  for lang in ja en; do
    for scheme in light dark; do
      conf="$tmp/config-$size-$lang-$scheme"
      mkdir -p "$conf"
      export XDG_CONFIG_HOME="$conf" GSETTINGS_BACKEND=keyfile GSETTINGS_SCHEMA_DIR="$build/data"
      gsettings set io.github.scsassessor.ScsAssessor window-width "$w"
      gsettings set io.github.scsassessor.ScsAssessor window-height "$h"
      if [ "$scheme" = dark ]; then color=prefer-dark; else color=prefer-light; fi
      name="$out/workspace-$lang-$scheme-$size.png"
      LANG=C.UTF-8 LANGUAGE=$lang SCS_ASSESSOR_LOCALEDIR="$build/po" GSK_RENDERER=cairo \
      ADW_DEBUG_COLOR_SCHEME=$color SCS_ASSESSOR_RECOVERY_DIR="$tmp/recovery" \
      XDG_DATA_HOME="$tmp/data" \
        xvfb-run -a -s "-screen 0 ${w}x${h}x24" dbus-run-session -- sh -c "
          '$build/app/scs-assessor' '$tmp/example-aaa.scsa' & pid=\$!
          sleep 5; import -window root '$name'; kill \$pid" 2>/dev/null
      echo "$name"
    done
  done
done
