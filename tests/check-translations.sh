#!/bin/sh
# Fails when a file with translatable strings is missing from po/POTFILES.in, when
# POTFILES.in is unsorted or names a missing file, or when po/ja.po leaves any string of a
# freshly generated template untranslated or fuzzy. The template is made in the build
# tree: nothing here writes into the sources.
# Usage: check-translations.sh SOURCE_ROOT BUILD_ROOT
set -eu
src=$1
work=$2/tests/i18n-check
mkdir -p "$work"
cd "$src"
status=0
n=0

report () {
  n=$((n + 1))
  if [ "$1" = ok ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; status=1; fi
}

grep -v '^#' po/POTFILES.in | sed '/^$/d' > "$work/listed"
if LC_ALL=C sort -c "$work/listed" 2>/dev/null; then report ok "POTFILES.in is sorted"; else report fail "POTFILES.in is sorted"; fi

missing=""
for f in $(cat "$work/listed"); do [ -f "$f" ] || missing="$missing $f"; done
if [ -z "$missing" ]; then report ok "every file in POTFILES.in exists"; else report fail "POTFILES.in names missing files:$missing"; fi

unlisted=""
for f in $(find app ui -name '*.c' -o -name '*.ui' | LC_ALL=C sort); do
  if grep -qE '(^|[^A-Za-z0-9_])(N?_|C_|g_dngettext) ?\(|translatable="yes"' "$f"; then
    grep -qxF "$f" "$work/listed" || unlisted="$unlisted $f"
  fi
done
if [ -z "$unlisted" ]; then report ok "every file with translatable strings is in POTFILES.in"; else report fail "not in POTFILES.in:$unlisted"; fi

if msgfmt --check -o /dev/null po/ja.po; then report ok "ja.po compiles with msgfmt --check"; else report fail "ja.po compiles with msgfmt --check"; fi

xgettext --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
  --files-from="$work/listed" --output="$work/scs-assessor.pot"
if msgcmp po/ja.po "$work/scs-assessor.pot" 2> "$work/msgcmp.log"; then
  report ok "ja.po translates every string"
else
  cat "$work/msgcmp.log"
  report fail "ja.po translates every string"
fi

fuzzy=$(msgattrib --only-fuzzy --no-obsolete po/ja.po | grep -c '^msgid' || true)
if [ "$fuzzy" = 0 ]; then report ok "ja.po has no fuzzy entries"; else report fail "ja.po has $fuzzy fuzzy entries"; fi

untranslated=$(msgattrib --untranslated --no-obsolete po/ja.po | grep -c '^msgid' || true)
if [ "$untranslated" -le 1 ]; then report ok "ja.po has no empty translations"; else report fail "ja.po has untranslated entries"; fi

echo "1..$n"
exit $status
