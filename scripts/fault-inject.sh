#!/usr/bin/env bash
# Syscall fault injection against `liaison add`: a failed write (ENOSPC),
# fsync (EIO) or rename (EIO) while saving must leave state.json
# byte-identical, leave no temp file, and report the error: non-zero exit,
# one line on stderr. A failed fsync of the directory comes after the
# rename, so there the file may already be the new state: it must then be
# whole, and the error still reported.
#
# Needs strace (apt-get install strace). Run from anywhere:
#   scripts/fault-inject.sh                   # uses target/release/liaison
#   LIAISON=target/debug/liaison scripts/fault-inject.sh
set -uo pipefail
cd "$(dirname "$0")/.."

command -v strace >/dev/null || { echo "strace is not installed: apt-get install strace" >&2; exit 2; }
LIAISON=${LIAISON:-target/release/liaison}
if [ ! -x "$LIAISON" ]; then
    cargo build --release --quiet || exit 2
fi
LIAISON=$(realpath "$LIAISON")
export LIAISON_NOW=2026-11-25T10:00:00+08:00 LANG=C
unset LIAISON_DATA_DIR

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
DATA="$WORK/data"
failed=0

# A data dir with 200 items whose backup for this quarter hour is taken,
# so the injected `add` writes only state.json.
prepare() {
    rm -rf "$DATA"
    "$LIAISON" --data-dir "$DATA" demo --items 200 2>/dev/null || exit 2
    "$LIAISON" --data-dir "$DATA" add logistics warm-up >/dev/null || exit 2
    cp "$DATA/state.json" "$WORK/before.json"
}

# check NAME OUTCOME STRACE-ARGS...: OUTCOME is `old` (the file must be
# byte-identical) or `old-or-new` (byte-identical, or whole and holding the
# new item).
check() {
    local name=$1 outcome=$2
    shift 2
    prepare
    strace -f -y -o "$WORK/trace" "$@" \
        "$LIAISON" --data-dir "$DATA" add logistics injected-item >"$WORK/out" 2>"$WORK/err"
    local rc=$? problems=()
    grep -q "(INJECTED)" "$WORK/trace" || problems+=("the fault never fired")
    [ "$rc" -ne 0 ] || problems+=("exit status 0")
    [ "$(wc -l <"$WORK/err")" -eq 1 ] || problems+=("stderr has $(wc -l <"$WORK/err") lines")
    if ! cmp -s "$WORK/before.json" "$DATA/state.json"; then
        if [ "$outcome" = old ]; then
            problems+=("state.json changed")
        elif ! "$LIAISON" --data-dir "$DATA" list --json 2>/dev/null | grep -q '"title":"injected-item"'; then
            problems+=("state.json is neither the old nor a whole new state")
        fi
    fi
    "$LIAISON" --data-dir "$DATA" list --json >/dev/null 2>&1 || problems+=("state.json does not load")
    ls -A "$DATA" | grep -q '^\.tmp-' && problems+=("a temp file was left")
    local injected now=old
    cmp -s "$WORK/before.json" "$DATA/state.json" || now=new
    injected=$(grep "(INJECTED)" "$WORK/trace" | head -1 | sed 's/^[0-9]* *//' | cut -c1-90)
    if [ ${#problems[@]} -eq 0 ]; then
        printf 'PASS  %-34s exit %d, state.json %s: %s\n      injected: %s\n' "$name" "$rc" "$now" "$(cat "$WORK/err")" "$injected"
    else
        failed=1
        printf 'FAIL  %-34s %s\n      stderr: %s\n      injected: %s\n' "$name" "$(IFS=';'; echo "${problems[*]}")" "$(head -3 "$WORK/err")" "$injected"
    fi
}

echo "liaison: $LIAISON; $(strace -V | head -1)"
# The save's syscalls, in order: write the temp file, fsync it, rename it
# over state.json, fsync the directory, then count the save in the lock.
check "write of the temp file: ENOSPC" old \
    -e trace=write -e inject=write:error=ENOSPC:when=1
check "fsync of the temp file: EIO" old \
    -e trace=fsync -e inject=fsync:error=EIO:when=1
check "every fsync: EIO" old \
    -e trace=fsync,write,rename -e inject=fsync:error=EIO
check "rename over state.json: EIO" old \
    -e trace=rename,renameat,renameat2 -e inject=rename,renameat,renameat2:error=EIO
check "fsync of the directory: EIO" old-or-new \
    -e trace=fsync -e inject=fsync:error=EIO:when=2
exit $failed
