#!/usr/bin/env bash
# How whole-process times grow with the store: `liaison add`, `note --to`
# and `list --json` at 1,000 / 10,000 / 100,000 items (`liaison demo
# --items N`), with hyperfine (apt-get install hyperfine).
#
#   scripts/growth.sh                     # 1k, 10k, 100k; 20 runs each
#   SIZES="1000 10000" RUNS=10 scripts/growth.sh
#   LIAISON=path/to/liaison scripts/growth.sh
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"1000 10000 100000"}
RUNS=${RUNS:-20}
LIAISON=${LIAISON:-target/release/liaison}
command -v hyperfine >/dev/null || { echo "hyperfine is not installed: apt-get install hyperfine" >&2; exit 1; }
if [ ! -x "$LIAISON" ]; then
    cargo build --release --quiet
fi
LIAISON=$(realpath "$LIAISON")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

echo "liaison: $LIAISON"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
for n in $SIZES; do
    export LIAISON_DATA_DIR="$WORK/d$n"
    "$LIAISON" demo --items "$n" >/dev/null 2>&1
    # The first change of a session takes a backup (one per 15 minutes):
    # made here, untimed, as the first change of the day would.
    "$LIAISON" add logistics warm-up >/dev/null 2>&1
    echo "== $n items: $(du -h "$LIAISON_DATA_DIR/state.json" | cut -f1) state.json"
    hyperfine -N --style basic --warmup 2 --runs "$RUNS" \
        --command-name "add $n" "$LIAISON add logistics bench-item" \
        --command-name "note $n" "$LIAISON note 车队回复 --to L2" \
        --command-name "list --json $n" "$LIAISON list --json" \
        --export-json "$WORK/r.json" >/dev/null 2>&1
    python3 - "$WORK/r.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    t = sorted(r["times"])
    print(f"  {r['command']:<18} median {r['median'] * 1000:7.1f} ms  (min {t[0] * 1000:.1f}, max {t[-1] * 1000:.1f}, n {len(t)})")
PY
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
