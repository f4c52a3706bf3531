#!/bin/sh
# Installs the build into a temporary DESTDIR and checks that every file is where a desktop
# looks for it, and that the installed desktop file, metainfo and MIME type hang together.
# Usage: check-install.sh BUILD_ROOT PREFIX
set -eu
build=$1
prefix=$2
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
status=0
n=0
report () {
  n=$((n + 1))
  if [ "$1" = ok ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; status=1; fi
}
if meson install -C "$build" --no-rebuild --quiet --destdir "$dest" >"$dest.log" 2>&1; then
  report ok "meson install into a DESTDIR"
else
  report fail "meson install into a DESTDIR: $(tail -3 "$dest.log")"
fi
rm -f "$dest.log"
root=$dest$prefix
app=io.github.scsassessor.ScsAssessor
for f in bin/scs-assessor \
         share/applications/$app.desktop \
         share/metainfo/$app.metainfo.xml \
         share/icons/hicolor/scalable/apps/$app.svg \
         share/icons/hicolor/symbolic/apps/$app-symbolic.svg \
         share/mime/packages/$app.xml \
         share/glib-2.0/schemas/$app.gschema.xml \
         share/locale/ja/LC_MESSAGES/scs-assessor.mo \
         share/scs-assessor/samples/example-aaa.scsa; do
  if [ -f "$root/$f" ]; then report ok "installs $f"; else report fail "installs $f"; fi
done
desktop=$root/share/applications/$app.desktop
if grep -q '^Name\[ja\]=' "$desktop"; then report ok "the launcher has its Japanese name"; else report fail "the launcher has its Japanese name"; fi
if grep -q '^MimeType=application/x-scs-assessor;' "$desktop" \
   && grep -q 'type="application/x-scs-assessor"' "$root/share/mime/packages/$app.xml" \
   && grep -q '<glob pattern="\*.scsa"/>' "$root/share/mime/packages/$app.xml"; then
  report ok "a double-clicked .scsa opens the app (desktop file and MIME type agree)"
else
  report fail "a double-clicked .scsa opens the app (desktop file and MIME type agree)"
fi
if grep -q "<launchable type=\"desktop-id\">$app.desktop</launchable>" "$root/share/metainfo/$app.metainfo.xml"; then
  report ok "the metainfo launches the installed desktop file"
else
  report fail "the metainfo launches the installed desktop file"
fi
if command -v update-mime-database >/dev/null; then
  update-mime-database "$root/share/mime" >/dev/null 2>&1
  if grep -q 'application/x-scs-assessor' "$root/share/mime/globs2" 2>/dev/null; then
    report ok "shared-mime-info reads the MIME type"
  else
    report fail "shared-mime-info reads the MIME type"
  fi
fi
echo "1..$n"
exit $status
