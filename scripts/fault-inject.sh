#!/usr/bin/env bash
# Syscall fault injection against `liaison add`. A change is one append to
# journal.jsonl made durable with fdatasync; state.json is rewritten (and
# files renamed) only when the journal is compacted.
#
# A failed write (ENOSPC) or fdatasync (EIO) of the append must leave the
# register as it was: the same items listed, no line of the failed change
# left in journal.jsonl, `liaison verify` passing, a non-zero exit and the
# error in one line on stderr. A failed rename while compacting must cost
# nothing but a warning: the change itself is already durable, so it is
# listed, the store loads and verifies, and no temp file is left.
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
lsn() { "$LIAISON" --data-dir "$1" list --json --all 2>/dev/null; }

# Two data dirs with 200 items whose backup for this quarter hour is taken:
# `plain`, where the injected `add` only appends, and `full`, where it
# appends and then compacts (the journal has reached its limit; see
# `tx::COMPACT_MIN`).
"$LIAISON" --data-dir "$WORK/plain" demo --items 200 >/dev/null 2>&1 || exit 2
"$LIAISON" --data-dir "$WORK/plain" add logistics warm-up >/dev/null || exit 2
cp -a "$WORK/plain" "$WORK/full"
for i in $(seq 1 26); do
    "$LIAISON" --data-dir "$WORK/full" add logistics "filler $i" >/dev/null || exit 2
done

# check NAME TEMPLATE OUTCOME STRACE-ARGS...: OUTCOME is `old` (the change
# failed: nothing changed and it is said) or `new` (the change is saved;
# only compaction failed, with a warning).
check() {
    local name=$1 template=$2 outcome=$3
    shift 3
    rm -rf "$DATA"
    cp -a "$WORK/$template" "$DATA"
    lsn "$DATA" >"$WORK/before.list"
    cp "$DATA/journal.jsonl" "$WORK/before.jsonl"
    strace -f -y -o "$WORK/trace" "$@" \
        "$LIAISON" --data-dir "$DATA" add logistics injected-item >"$WORK/out" 2>"$WORK/err"
    local rc=$? problems=()
    grep -q "(INJECTED)" "$WORK/trace" || problems+=("the fault never fired")
    [ "$(wc -l <"$WORK/err")" -eq 1 ] || problems+=("stderr has $(wc -l <"$WORK/err") lines")
    if [ "$outcome" = old ]; then
        [ "$rc" -ne 0 ] || problems+=("exit status 0")
        cmp -s "$WORK/before.jsonl" "$DATA/journal.jsonl" || problems+=("journal.jsonl changed")
        lsn "$DATA" | cmp -s "$WORK/before.list" - || problems+=("the items listed changed")
    else
        [ "$rc" -eq 0 ] || problems+=("exit status $rc for a saved change")
        lsn "$DATA" | grep -q '"title":"injected-item"' || problems+=("the saved change is not listed")
    fi
    lsn "$DATA" >/dev/null || problems+=("the store does not load")
    "$LIAISON" --data-dir "$DATA" verify >"$WORK/verify" 2>&1 || problems+=("verify fails: $(head -1 "$WORK/verify")")
    ls -A "$DATA" | grep -q '^\.tmp-' && problems+=("a temp file was left")
    [ -e "$DATA/journal.next" ] && problems+=("journal.next was left")
    local injected
    injected=$(grep "(INJECTED)" "$WORK/trace" | head -1 | sed 's/^[0-9]* *//' | cut -c1-100)
    if [ ${#problems[@]} -eq 0 ]; then
        printf 'PASS  %-38s exit %d: %s\n      injected: %s\n' "$name" "$rc" "$(cat "$WORK/err")" "$injected"
    else
        failed=1
        printf 'FAIL  %-38s %s\n      stderr: %s\n      injected: %s\n' "$name" "$(IFS=';'; echo "${problems[*]}")" "$(head -3 "$WORK/err")" "$injected"
    fi
}

echo "liaison: $LIAISON; $(strace -V | head -1)"
# An ordinary change: append the lines to journal.jsonl, fdatasync it, then
# count the change in the lock file.
check "write of the append: ENOSPC" plain old \
    -P "$WORK/data/journal.jsonl" -e trace=write,writev,pwrite64 \
    -e inject=write,writev,pwrite64:error=ENOSPC:when=1
check "fdatasync of the append: EIO" plain old \
    -e trace=fdatasync -e inject=fdatasync:error=EIO:when=1
check "every fdatasync and fsync: EIO" plain old \
    -e trace=fdatasync,fsync,write -e inject=fdatasync,fsync:error=EIO
# A change that compacts: after the append, the old journal is archived in
# backups/, the new journal's first line written to journal.next, the new
# state.json renamed into place, then journal.next renamed over the journal.
check "compaction, rename of journal.next: EIO" full new \
    -e trace=renameat -e inject=renameat:error=EIO:when=2
check "compaction, rename of state.json: EIO" full new \
    -e trace=renameat -e inject=renameat:error=EIO:when=3
check "compaction, rename over the journal: EIO" full new \
    -e trace=rename -e inject=rename:error=EIO
check "compaction, every rename: EIO" full new \
    -e trace=rename,renameat,renameat2 -e inject=rename,renameat,renameat2:error=EIO
exit $failed
