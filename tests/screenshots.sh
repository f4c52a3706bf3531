#!/bin/sh
# Writes the README's screenshots to data/screenshots/: Japanese and English, light and
# dark, 1024×600, 1366×768 and 1920×1080, of the bundled example as it opens, on its first
# criterion (workspace-*: the criterion loop, texts above the form) and of its
# dashboard (dashboard-*, Ctrl+Alt+3); at 1366×768 in light, also the Engagement view's
# sections: company, level and scale, scope, visits, documents, diagnosis, CSM and plan (engagement-*, Ctrl+Alt+2
# and clicks on the section list).
# Needs a build in ./build, xvfb-run, dbus-run-session, ImageMagick's import and xdotool
# (which parks the pointer in a corner, so that no tooltip covers the window).
# Usage: tests/screenshots.sh [BUILD_DIR]
set -eu
build=${1:-build}
out=data/screenshots
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp data/samples/example-aaa.scsa "$tmp/example-aaa.scsa"

# Takes a screenshot, again while it comes out uniform: under load the first window can
# take longer than the pause before it to be drawn, which left an all-black image. Once the
# screen shows something it waits a moment more, for the window to settle, and shoots again.
# A screen that stays blank is listed in $tmp/blank, and the script fails at the end.
shoot="$tmp/shoot"
cat > "$shoot" <<'SHOOT'
#!/bin/sh
for try in $(seq 1 30); do
  import -window root "$1"
  if [ "$(convert "$1" -format '%[fx:standard_deviation>0]' info:)" = 1 ]; then
    [ "$try" = 1 ] || { sleep 1; import -window root "$1"; }
    exit 0
  fi
  sleep 1
done
echo "$1" >> "$(dirname "$0")/blank"
SHOOT
chmod +x "$shoot"

for size in 1024x600 1366x768 1920x1080; do
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
      dash="$out/dashboard-$lang-$scheme-$size.png"
      company="$out/engagement-company-$lang.png"
      LANG=C.UTF-8 LANGUAGE=$lang SCS_ASSESSOR_LOCALEDIR="$build/po" GSK_RENDERER=cairo \
      ADW_DEBUG_COLOR_SCHEME=$color SCS_ASSESSOR_RECOVERY_DIR="$tmp/recovery" \
      XDG_DATA_HOME="$tmp/data" \
        xvfb-run -a -s "-screen 0 ${w}x${h}x24" dbus-run-session -- sh -c "
          '$build/app/scs-assessor' '$tmp/example-aaa.scsa' & pid=\$!
          xdotool mousemove $((w - 1)) $((h - 1)); sleep 5; '$shoot' '$name'
          xdotool key ctrl+alt+3; sleep 2; '$shoot' '$dash'
          if [ $size = 1366x768 ] && [ $scheme = light ]; then
            xdotool key ctrl+alt+2; sleep 2; '$shoot' '$company'
            for section in level:115 scope:153 visits:191 documents:229 diagnosis:267 csm:305 plan:343; do
              xdotool mousemove 115 \${section#*:} click 1 mousemove $((w - 1)) $((h - 1)); sleep 2
              '$shoot' '$out/engagement-'\${section%:*}'-$lang.png'
            done
          fi
          kill \$pid" 2>/dev/null
      echo "$name"; echo "$dash"
    done
  done
done

# The example's report as page images (report-*), in Japanese and English: cover, radar,
# the sheet's first page, the first page of the section per criterion, the improvement plan
# and the first visit report. And the Export window (export-*, Ctrl+E).
for lang in ja en; do
  pdf="$tmp/report-$lang.pdf"
  LANG=C.UTF-8 LANGUAGE=$lang SCS_ASSESSOR_LOCALEDIR="$build/po" \
    "$build/app/scs-assessor" --export-pdf "$pdf" data/samples/example-aaa.scsa >/dev/null
  n=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
  details=$(for i in $(seq 1 "$n"); do
              pdftotext -f "$i" -l "$i" -raw "$pdf" - | grep -q -e '評価基準ごとの評価結果' \
                -e 'Assessment by Evaluation Criterion' && { echo "$i"; break; }
            done)
  plan=$(for i in $(seq 1 "$n"); do
           pdftotext -f "$i" -l "$i" -raw "$pdf" - | grep -q -e '^改善計画書$' -e '^Improvement Plan$' \
             && { echo "$i"; break; }
         done)
  for shot in cover:1 radar:2 sheet:3 details:$details plan:$plan visit:$((plan + 1)); do
    page=${shot#*:}
    pdftoppm -f "$page" -l "$page" -r 80 -png -singlefile "$pdf" "$out/report-${shot%:*}-$lang"
    echo "$out/report-${shot%:*}-$lang.png"
  done
  conf="$tmp/config-export-$lang"
  mkdir -p "$conf"
  export XDG_CONFIG_HOME="$conf" GSETTINGS_BACKEND=keyfile GSETTINGS_SCHEMA_DIR="$build/data"
  gsettings set io.github.scsassessor.ScsAssessor window-width 1366
  gsettings set io.github.scsassessor.ScsAssessor window-height 768
  LANG=C.UTF-8 LANGUAGE=$lang SCS_ASSESSOR_LOCALEDIR="$build/po" GSK_RENDERER=cairo \
  SCS_ASSESSOR_RECOVERY_DIR="$tmp/recovery" XDG_DATA_HOME="$tmp/data" \
    xvfb-run -a -s "-screen 0 1366x768x24" dbus-run-session -- sh -c "
      '$build/app/scs-assessor' '$tmp/example-aaa.scsa' & pid=\$!
      xdotool mousemove 1365 767; sleep 5; xdotool key ctrl+e; sleep 2
      '$shoot' '$out/export-$lang.png'; kill \$pid" 2>/dev/null
  echo "$out/export-$lang.png"
done

# The slides (present-*), fullscreen under a window manager (matchbox) at a projector's
# 1024×768 and at 1920×1080, in both languages: F5, then a slide's number and Enter.
for size in 1024x768 1920x1080; do
  w=${size%x*}; h=${size#*x}
  for lang in ja en; do
    conf="$tmp/config-present-$size-$lang"
    mkdir -p "$conf"
    export XDG_CONFIG_HOME="$conf" GSETTINGS_BACKEND=keyfile GSETTINGS_SCHEMA_DIR="$build/data"
    shots=""
    for slide in title:1 diagnosis:2 radar:3 readiness:4 subcategory:14 comparison:17 plan:18 maturity:19; do
      shots="$shots xdotool type ${slide#*:}; xdotool key Return; sleep 1.5;
             '$shoot' '$out/present-${slide%:*}-$lang-$size.png';"
    done
    LANG=C.UTF-8 LANGUAGE=$lang SCS_ASSESSOR_LOCALEDIR="$build/po" GSK_RENDERER=cairo \
    SCS_ASSESSOR_RECOVERY_DIR="$tmp/recovery" XDG_DATA_HOME="$tmp/data" \
      xvfb-run -a -s "-screen 0 ${w}x${h}x24" dbus-run-session -- sh -c "
        matchbox-window-manager -use_titlebar no & sleep 1
        '$build/app/scs-assessor' '$tmp/example-aaa.scsa' & pid=\$!
        sleep 5; xdotool key F5; sleep 2; xdotool mousemove $((w - 1)) $((h - 1))
        $shots
        xdotool key g; sleep 1.5; '$shoot' '$out/present-overview-$lang-$size.png'
        kill \$pid" 2>/dev/null
    ls "$out"/present-*-"$lang-$size".png
  done
done

# With --pages, also the other views, for review (written to $build/screenshots, not
# committed): the category, subcategory and requirement pages, reached by clicking their
# rows, the New dialog (Ctrl+N) and the recovery dialog after a crash, in both languages.
# A screen that stayed blank fails the run, naming the files.
check_blank () {
  if [ -s "$tmp/blank" ]; then
    echo "blank screenshots:" >&2; cat "$tmp/blank" >&2; exit 1
  fi
}
check_blank
[ "${2:-}" = --pages ] || exit 0
pages="$build/screenshots"
mkdir -p "$pages"
for lang in ja en; do
  for shot in category subcategory requirement new recovery; do
    conf="$tmp/config-pages-$lang-$shot"
    state="$tmp/recovery-$lang-$shot"
    mkdir -p "$conf" "$state"
    export XDG_CONFIG_HOME="$conf" GSETTINGS_BACKEND=keyfile GSETTINGS_SCHEMA_DIR="$build/data"
    gsettings set io.github.scsassessor.ScsAssessor window-width 1366
    gsettings set io.github.scsassessor.ScsAssessor window-height 768
    file="'$tmp/example-aaa.scsa'"
    case $shot in
      category) keys="xdotool mousemove 150 204 click 1" ;;
      subcategory) keys="xdotool mousemove 150 242 click 1" ;;
      requirement) keys="xdotool mousemove 200 280 click 1" ;;
      new) keys="xdotool key ctrl+n" ;;
      recovery)
        keys=true; file=
        cp data/samples/example-aaa.scsa "$state/0123456789abcdef.scsa"
        printf '[recovery]\npid=999999\norigin=file://%s\ncompany=AAA株式会社\nwritten=%s\n' \
          "$tmp/example-aaa.scsa" "$(date +%s)" > "$state/0123456789abcdef.ini" ;;
    esac
    name="$pages/$shot-$lang.png"
    LANG=C.UTF-8 LANGUAGE=$lang SCS_ASSESSOR_LOCALEDIR="$build/po" GSK_RENDERER=cairo \
    SCS_ASSESSOR_RECOVERY_DIR="$state" XDG_DATA_HOME="$tmp/data" \
      xvfb-run -a -s "-screen 0 1366x768x24" dbus-run-session -- sh -c "
        '$build/app/scs-assessor' $file & pid=\$!
        sleep 4; $keys; xdotool mousemove 1365 767; sleep 2
        '$shoot' '$name'; kill \$pid" 2>/dev/null
    echo "$name"
  done
done
check_blank
