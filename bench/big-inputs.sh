#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Big inputs under a heap cap (see BENCHMARKS.md, "Big inputs"):
#   bench/big-inputs.sh [DIR]          default DIR: /tmp/hitmap-big (files of 1-5 GB; not in the repo)
# Generates a 1 GB c2c report (bench/gen-c2c.py) and a 5 GB perf script (bench/gen-script.py), seed 1,
# unless they are in DIR already, then runs 'hitmap ingest FILE --store S --progress=never' on each
# under each heap cap in CAPS (default "256m 64m"), one process per run, and prints for each: wall
# and CPU time and peak RSS (/usr/bin/time -v), and from -Xlog:gc the largest heap used before a
# collection and after one (the live heap). Deletes each store after its run; DIR stays.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${1:-/tmp/hitmap-big}
mkdir -p "$DIR"
JAVA=${JAVA:-java}
[[ -f cli/target/hitmap.jar && ${REBUILD:-0} != 1 ]] || mvn -q -B -DskipTests package
JAR="$DIR/hitmap.jar"
cp cli/target/hitmap.jar "$JAR" # another build may replace cli/target while a run goes on
C2C="$DIR/c2c-1GB-seed1.txt"
SCRIPT="$DIR/script-5GB-seed1.txt"
[[ -f $C2C ]] || python3 bench/gen-c2c.py 1GB "$C2C" --seed 1
[[ -f $SCRIPT ]] || python3 bench/gen-script.py 5GB "$SCRIPT" --seed 1
echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ)  $(nproc) cpus, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== code $(git rev-parse --short HEAD)$(git diff --quiet 2>/dev/null || echo ' + uncommitted changes'), $("$JAVA" -version 2>&1 | sed -n 2p)"
printf '%-22s %6s %9s %9s %9s %12s %12s  %s\n' file heap wall cpu peakRSS "heap-used" "heap-live" "result"
for FILE in "$C2C" "$SCRIPT"; do
    for CAP in ${CAPS:-256m 64m}; do
        STORE="$DIR/bench.duckdb"
        GC="$DIR/gc-$(basename "$FILE" .txt)-$CAP.log"
        T=$(mktemp)
        rm -f "$STORE" "$STORE.wal"
        "/usr/bin/time" -v "$JAVA" "-Xmx$CAP" "-Xlog:gc:file=$GC" -jar "$JAR" ingest "$FILE" --store "$STORE" \
            --progress=never > "$T.out" 2> "$T" || true
        wall=$(sed -n 's/^\s*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$T")
        cpu=$(awk '/User time|System time/ {s += $NF} END {printf "%.0f s", s}' "$T")
        rss=$(awk '/Maximum resident set size/ {printf "%.0f MB", $6/1024}' "$T")
        # "Pause Young (Normal) (G1 Evacuation Pause) 212M->60M(256M)": used before -> after
        before=$(grep -oE '[0-9]+M->[0-9]+M' "$GC" | awk -F'->' '{if ($1+0 > m) m = $1+0} END {printf "%d MB", m}')
        after=$(grep -oE '[0-9]+M->[0-9]+M' "$GC" | awk -F'->' '{if ($2+0 > m) m = $2+0} END {printf "%d MB", m}')
        result=$(head -c 160 "$T.out"; grep -m1 '^hitmap: ' "$T" || true)
        printf '%-22s %6s %9s %9s %9s %12s %12s  %s\n' "$(basename "$FILE")" "$CAP" "$wall" "$cpu" "$rss" \
            "$before" "$after" "$result"
        rm -f "$T" "$T.out" "$STORE" "$STORE.wal"
    done
done
