#!/usr/bin/env bash
# CPU the dashboard uses while nobody types: opens it on N synthetic items in
# a detached tmux session, lets it settle, then reads its CPU time from
# /proc over a quiet interval. Needs tmux.
#
#   scripts/idle-cpu.sh              # 10,000 items, 20 s
#   N=1000 SECONDS_IDLE=10 scripts/idle-cpu.sh
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-10000}
SECONDS_IDLE=${SECONDS_IDLE:-20}
LIAISON=${LIAISON:-target/release/liaison}
command -v tmux >/dev/null || { echo "tmux is not installed: apt-get install tmux" >&2; exit 2; }
if [ ! -x "$LIAISON" ]; then
    cargo build --release --quiet
fi
LIAISON=$(realpath "$LIAISON")

WORK=$(mktemp -d)
SOCK="$WORK/tmux.sock"
cleanup() { tmux -S "$SOCK" kill-server 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
"$LIAISON" --data-dir "$WORK/data" demo --items "$N" 2>/dev/null
tmux -S "$SOCK" -f /dev/null new-session -d -x 200 -y 60 \
    "LIAISON_CONFIG=$WORK/none.toml exec $LIAISON --data-dir $WORK/data"
sleep 3
pid=$(tmux -S "$SOCK" list-panes -F '#{pane_pid}')
ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
hz=$(getconf CLK_TCK)
before=$(ticks)
sleep "$SECONDS_IDLE"
after=$(ticks)
echo "idle dashboard, $N items, ${SECONDS_IDLE} s: $((after - before)) ticks of CPU at $hz/s" \
    "= $(echo "scale=2; 100 * ($after - $before) / $hz / $SECONDS_IDLE" | bc) % of one core"
