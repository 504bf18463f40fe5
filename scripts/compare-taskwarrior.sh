#!/usr/bin/env bash
# Side by side with taskwarrior 2.6 on the same data size: 10,000 items for
# liaison (`liaison demo --items N`) and 10,000 tasks for taskwarrior, each
# with 3 notes/annotations, ~30% done. Times whole processes, the two tools
# in alternation, and their peak memory.
#
# Needs: taskwarrior (apt-get install taskwarrior). Uses hyperfine if present
# (apt-get install hyperfine), else a loop timed with `date +%s%N`; peak
# memory with /usr/bin/time -v if present (apt-get install time).
#
#   scripts/compare-taskwarrior.sh            # 10,000 items, 30 runs each
#   N=2000 RUNS=10 scripts/compare-taskwarrior.sh
#   LIAISON=path/to/liaison scripts/compare-taskwarrior.sh
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-10000}
RUNS=${RUNS:-30}
WARMUP=${WARMUP:-3}
LIAISON=${LIAISON:-target/release/liaison}

command -v task >/dev/null || { echo "taskwarrior is not installed: apt-get install taskwarrior" >&2; exit 1; }
if [ ! -x "$LIAISON" ]; then
    cargo build --release --quiet
fi
LIAISON=$(realpath "$LIAISON")

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export LIAISON_DATA_DIR="$WORK/liaison"
export TASKRC="$WORK/taskrc"
export TASKDATA="$WORK/task"
mkdir -p "$TASKDATA"
cat > "$TASKRC" <<RC
data.location=$TASKDATA
confirmation=off
news.version=2.6.0
RC

echo "== machine"
echo "nproc: $(nproc); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'); memory: $(free -h | awk '/^Mem:/ {print $2}')"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "liaison: $LIAISON; $(task --version | head -1 | sed 's/^/taskwarrior /')"
echo

echo "== data: $N items each"
"$LIAISON" demo --items "$N" 2>/dev/null
# The same shape for taskwarrior: a quarter per project, due dates around
# today, 3 annotations each, 3 in 10 completed, the rest pending.
awk -v n="$N" 'BEGIN {
    srand(1);
    kinds[0] = "logistics"; kinds[1] = "document"; kinds[2] = "meeting"; kinds[3] = "substitute";
    prio[0] = "H"; prio[1] = "M"; prio[2] = "L";
    now = systime();
    for (i = 0; i < n; i++) {
        due = now + (i % 41 - 20) * 86400 + ((i * 37) % 600) * 60;
        entry = now - 30 * 86400;
        printf "{\"uuid\":\"%08x-0000-4000-8000-%012x\",", i + 1, i + 1;
        printf "\"description\":\"%s #%d 第%d批 核对资料与底稿\",", kinds[i % 4], i, int(i / 4) + 1;
        printf "\"project\":\"%s\",\"priority\":\"%s\",", kinds[i % 4], prio[i % 3];
        printf "\"entry\":\"%s\",\"modified\":\"%s\",", strftime("%Y%m%dT%H%M%SZ", entry, 1), strftime("%Y%m%dT%H%M%SZ", entry, 1);
        printf "\"due\":\"%s\",", strftime("%Y%m%dT%H%M%SZ", due, 1);
        if (i % 10 < 3) {
            printf "\"status\":\"completed\",\"end\":\"%s\",", strftime("%Y%m%dT%H%M%SZ", due, 1);
        } else {
            printf "\"status\":\"pending\",";
        }
        printf "\"annotations\":[";
        for (k = 0; k < 3; k++) {
            printf "%s{\"entry\":\"%s\",\"description\":\"记录%d：问：情况是否属实？答：已核实，见第%d号凭证。\"}", (k ? "," : ""), strftime("%Y%m%dT%H%M%SZ", entry + k * 300, 1), k, i;
        }
        printf "]}\n";
    }
}' > "$WORK/tasks.json"
task import "$WORK/tasks.json" >/dev/null 2>&1
echo "liaison: $(du -h "$LIAISON_DATA_DIR/state.json" | cut -f1) state.json; taskwarrior: $(task rc.verbose=nothing count) tasks ($(task rc.verbose=nothing status:pending count) pending), $(du -ch "$TASKDATA"/*.data | tail -1 | cut -f1) of .data files"
echo

# Pairs to compare: a label, liaison's command, taskwarrior's command.
PAIRS=(
    "export everything as JSON|$LIAISON list --json|task export"
    "add one item|$LIAISON add logistics bench-item --due 2026-12-01|task add bench-item due:2026-12-01"
    "a note on one item|$LIAISON note 车队回复：周四两辆车 --to L2|task 2 annotate 车队回复：周四两辆车"
)

name() { [ "$1" = ours ] && echo liaison || echo taskwarrior; }
median() { sort -n | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.1f ms (min %.1f, max %.1f, n %d)", m / 1e6, a[1] / 1e6, a[NR] / 1e6, NR }'; }

for i in "${!PAIRS[@]}"; do
    IFS='|' read -r label ours theirs <<< "${PAIRS[$i]}"
    echo "== $label"
    if command -v hyperfine >/dev/null; then
        # Two rounds in opposite order, so neither tool always runs on a
        # warmer or a busier machine.
        for order in "ours theirs" "theirs ours"; do
            set -- $order
            hyperfine -N --style basic --warmup "$WARMUP" --runs "$((RUNS / 2))" \
                --command-name "$(name "$1")" "${!1}" \
                --command-name "$(name "$2")" "${!2}" \
                --export-json "$WORK/round.json" >/dev/null 2>&1
            python3 - "$WORK/round.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    t = sorted(r["times"])
    print(f"  {r['command']:<12} median {r['median'] * 1000:7.1f} ms  (min {t[0] * 1000:.1f}, max {t[-1] * 1000:.1f}, user {r['user'] * 1000:.1f}, system {r['system'] * 1000:.1f}, n {len(t)})")
PY
        done
    else
        rm -f "$WORK/ours.ns" "$WORK/theirs.ns"
        for _ in $(seq "$WARMUP"); do $ours >/dev/null 2>&1; $theirs >/dev/null 2>&1; done
        for _ in $(seq "$RUNS"); do
            for who in ours theirs; do
                start=$(date +%s%N)
                ${!who} >/dev/null 2>&1
                echo $(( $(date +%s%N) - start )) >> "$WORK/$who.ns"
            done
        done
        for who in ours theirs; do
            printf "  %-12s median %s\n" "$(name "$who")" "$(median < "$WORK/$who.ns")"
        done
    fi
    if [ -x /usr/bin/time ]; then
        for who in ours theirs; do
            /usr/bin/time -v -o "$WORK/time.txt" ${!who} >/dev/null 2>&1
            kb=$(awk -F: '/Maximum resident/ { gsub(/ /, "", $2); print $2 }' "$WORK/time.txt")
            printf "  %-12s peak RSS %.1f MiB\n" "$(name "$who")" "$(echo "$kb / 1024" | bc -l)"
        done
    fi
    echo
done

# `done` closes an item once, so each run closes another open one: the
# open logistics items of liaison and the pending tasks of taskwarrior,
# in turn, timed with `date +%s%N`.
echo "== done on one item (a different open one each run)"
mapfile -t OPEN < <("$LIAISON" list --json --kind logistics | python3 -c '
import json, sys
print("\n".join(i["id"] for i in json.load(sys.stdin) if i["status"] != "done"))')
rm -f "$WORK/ours.ns" "$WORK/theirs.ns"
for k in $(seq "$RUNS"); do
    start=$(date +%s%N)
    "$LIAISON" done "${OPEN[$k]}" >/dev/null 2>&1
    echo $(( $(date +%s%N) - start )) >> "$WORK/ours.ns"
    start=$(date +%s%N)
    task rc.confirmation=off "$((k * 7))" done >/dev/null 2>&1
    echo $(( $(date +%s%N) - start )) >> "$WORK/theirs.ns"
done
for who in ours theirs; do
    printf "  %-12s median %s\n" "$(name "$who")" "$(median < "$WORK/$who.ns")"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
