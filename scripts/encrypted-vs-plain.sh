#!/usr/bin/env bash
# `liaison add` and `list --json` on the same 10,000 items, plain and
# encrypted with the key cached in the kernel keyring (`liaison unlock`),
# with hyperfine (apt-get install hyperfine).
#
#   scripts/encrypted-vs-plain.sh
#   N=2000 RUNS=10 LIAISON=path/to/liaison scripts/encrypted-vs-plain.sh
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-10000}
RUNS=${RUNS:-20}
LIAISON=${LIAISON:-target/release/liaison}
command -v hyperfine >/dev/null || { echo "hyperfine is not installed: apt-get install hyperfine" >&2; exit 1; }
if [ ! -x "$LIAISON" ]; then
    cargo build --release --quiet
fi
LIAISON=$(realpath "$LIAISON")
WORK=$(mktemp -d)
trap 'LIAISON_DATA_DIR="$WORK/enc" "$LIAISON" lock >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT

echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
LIAISON_DATA_DIR="$WORK/plain" "$LIAISON" demo --items "$N" >/dev/null 2>&1
cp -a "$WORK/plain" "$WORK/enc"
printf 'a passphrase for the benchmark\n' > "$WORK/pass"
chmod 600 "$WORK/pass"
LIAISON_DATA_DIR="$WORK/enc" LIAISON_PASSPHRASE_FILE="$WORK/pass" "$LIAISON" encrypt >/dev/null 2>&1
LIAISON_DATA_DIR="$WORK/enc" LIAISON_PASSPHRASE_FILE="$WORK/pass" "$LIAISON" unlock --for 30m >/dev/null 2>&1
for d in plain enc; do
    # The first change takes the session's backup: untimed.
    LIAISON_DATA_DIR="$WORK/$d" "$LIAISON" add logistics warm-up >/dev/null 2>&1
done
hyperfine -N --style basic --warmup 3 --runs "$RUNS" \
    --command-name "add, plain" "$LIAISON --data-dir $WORK/plain add logistics bench-item" \
    --command-name "add, encrypted, key cached" "$LIAISON --data-dir $WORK/enc add logistics bench-item" \
    --command-name "list --json, plain" "$LIAISON --data-dir $WORK/plain list --json" \
    --command-name "list --json, encrypted, key cached" "$LIAISON --data-dir $WORK/enc list --json" \
    --export-json "$WORK/r.json" >/dev/null 2>&1
python3 - "$WORK/r.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    t = sorted(r["times"])
    print(f"  {r['command']:<36} median {r['median'] * 1000:7.1f} ms  (min {t[0] * 1000:.1f}, max {t[-1] * 1000:.1f}, user {r['user'] * 1000:.1f}, n {len(t)})")
PY
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
