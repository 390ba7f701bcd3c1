#!/usr/bin/env bash
# `cmake --install` puts the binary and the man page syncwise(1) in place,
# and the installed binary runs on its own (catalogs and docs are built in).
source "$(dirname "$0")/lib.sh" "$@"
[ -n "$BUILD_DIR" ] || fail "usage: install.sh SYNCWISE BUILD_DIR"

step "cmake --install"
cmake --install "$BUILD_DIR" --prefix "$TMP/prefix" >"$TMP/install.log" 2>&1 ||
    fail "cmake --install failed: $(cat "$TMP/install.log")"
[ -x "$TMP/prefix/bin/syncwise" ] || fail "no bin/syncwise: $(cat "$TMP/install.log")"
MAN=$TMP/prefix/share/man/man1/syncwise.1
[ -f "$MAN" ] || fail "no share/man/man1/syncwise.1: $(cat "$TMP/install.log")"

step "the installed binary works without the source tree"
SYNCWISE=$TMP/prefix/bin/syncwise
cd "$TMP"
OUT=$("$SYNCWISE" --version) || fail "--version failed"
has "$OUT" "syncwise "
OUT=$("$SYNCWISE" explain SW303) || fail "explain failed"
has "$OUT" "blocking-in-event-loop"
new_project "$TMP/p"
cd "$TMP/p"
sw --select SW303
expect_rc 1
has "$OUT" "[SW303]"

step "the man page renders without warnings and documents the options"
if command -v groff >/dev/null; then
    groff -man -Tutf8 -ww -z "$MAN" 2>"$TMP/groff.err" || fail "groff failed"
    [ ! -s "$TMP/groff.err" ] || fail "groff warnings: $(cat "$TMP/groff.err")"
    TEXT=$(groff -man -Tutf8 "$MAN" 2>/dev/null | sed 's/.\x08//g')
else
    TEXT=$(cat "$MAN")
fi
has "$TEXT" "syncwise - find where C code needs async"
# Every long option of check (the "options:" lines of --help) is in the
# man page.
"$SYNCWISE" --help | sed -n '/^options:/,/^$/p' | grep -E '^  -' |
    grep -oE -- '--[a-z][a-z-]+' | sort -u >"$TMP/opts"
[ -s "$TMP/opts" ] || fail "no options in --help"
while read -r opt; do
    grep -qF -- "${opt//-/\\-}" "$MAN" || grep -qF -- "$opt" <<<"$TEXT" ||
        fail "option $opt is not in the man page"
done <"$TMP/opts"
if command -v man >/dev/null; then
    MANPATH=$TMP/prefix/share/man man -P cat syncwise >/dev/null 2>&1 ||
        fail "man cannot find syncwise(1) under the prefix"
fi
echo "all install tests passed"
