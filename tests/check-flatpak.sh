#!/bin/sh
# Offline checks of the Flatpak manifest: it parses, flatpak-builder accepts every key, it
# names the app id and the installed command, and it asks for no network and no access to
# the user's files (client data is confidential; files come through the portal).
# Usage: check-flatpak.sh SOURCE_ROOT
set -eu
manifest=$1/flatpak/io.github.scsassessor.ScsAssessor.json
status=0
n=0
report () {
  n=$((n + 1))
  if [ "$1" = ok ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; status=1; fi
}
if jq empty "$manifest"; then report ok "manifest is JSON"; else report fail "manifest is JSON"; fi
if G_DEBUG=fatal-warnings flatpak-builder --show-manifest "$manifest" >/dev/null; then
  report ok "flatpak-builder accepts the manifest"
else
  report fail "flatpak-builder accepts the manifest"
fi
[ "$(jq -r .id "$manifest")" = io.github.scsassessor.ScsAssessor ] && report ok "app id" || report fail "app id"
[ "$(jq -r .command "$manifest")" = scs-assessor ] && report ok "command is the installed executable" || report fail "command"
if jq -e '[."finish-args"[] | select(test("--share=network|--filesystem=(host|home)"))] | length == 0' "$manifest" >/dev/null; then
  report ok "no network, no host or home filesystem"
else
  report fail "no network, no host or home filesystem"
fi
if jq -e '[.. | objects | select(has("url")) | select((.sha256 // "") | test("^[0-9a-f]{64}$") | not)] | length == 0' "$manifest" >/dev/null; then
  report ok "every downloaded source has a sha256"
else
  report fail "every downloaded source has a sha256"
fi
# Reports are set in IPAex Gothic: the Flatpak brings it (and its licence) rather than count
# on the host or the runtime having it (the fallback would print other glyphs).
if jq -e '[.modules[] | objects | select(."build-commands" // [] | join(" ")
             | test("share/fonts.*ipaexg\\.ttf") and test("share/licenses.*IPA_Font_License"))]
           | length == 1' "$manifest" >/dev/null; then
  report ok "IPAex fonts and their licence are bundled"
else
  report fail "IPAex fonts and their licence are bundled"
fi
echo "1..$n"
exit $status
