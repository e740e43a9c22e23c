#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The HTML report benchmark (see BENCHMARKS.md):
#   bench/html.sh [SIZE] [RUNS] [SCRIPT_SIZE]        e.g.  bench/html.sh 21MB 5 50MB
# Generates a perf c2c report of SIZE (bench/gen-c2c.py, seed 1; 21MB gives about 10,000 cache lines),
# writes its HTML report with 7 accessors per line, prints the file's size and the time 'hitmap report'
# took, then opens the page RUNS times in headless Chromium (Debian's /usr/bin/chromium, a new profile
# each time) and prints the time from navigation start to the page drawn: the page's own
# performance.now() at the end of its drawing, which it leaves in <body data-drawn-ms>, read back with
# --dump-dom. Median and minimum. Then the same for the report of a perf script of SCRIPT_SIZE
# (bench/gen-script.py, seed 1: random call chains, the worst case for a flame graph), with the
# number of boxes its flame graph kept. Writes to bench/target/.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/target
mkdir -p "$OUT"
JAVA=${JAVA:-java}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
SIZE=${1:-21MB}
RUNS=${2:-5}
SCRIPT_SIZE=${3:-50MB}
[[ -f cli/target/hitmap.jar && ${REBUILD:-0} != 1 ]] || mvn -q -B -DskipTests package
JAR="$OUT/hitmap-html-bench.jar"
cp cli/target/hitmap.jar "$JAR"
echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ)  $(nproc) cpus  $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')  load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== code $(git rev-parse --short HEAD)$(git diff --quiet 2>/dev/null || echo ' + uncommitted changes'), $("$CHROMIUM" --version 2>/dev/null)"
FILE="$OUT/c2c-$SIZE-seed1.txt"
[[ -f $FILE && ${REGEN:-0} != 1 ]] || python3 bench/gen-c2c.py "$SIZE" "$FILE" --seed 1
HTML="$OUT/report-$SIZE.html"
START=$(date +%s%N)
"$JAVA" -jar "$JAR" report "$FILE" --accessors 7 -o "$HTML" > /dev/null
END=$(date +%s%N)
LINES=$("$JAVA" -jar "$JAR" query "$FILE" --sql "SELECT count(*) FROM c2c_lines" --format csv | tail -1)
echo "== $FILE: $(stat -c %s "$FILE") bytes, $LINES cache lines"
echo "hitmap report --accessors 7: $(stat -c %s "$HTML") bytes in $(( (END - START) / 1000000 )) ms"
# open_times HTML: RUNS loads in a fresh headless Chromium, navigation start to drawn
open_times() {
    local times=() ms profile
    for ((i = 1; i <= RUNS; i++)); do
        profile=$(mktemp -d)
        ms=$(timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
                --user-data-dir="$profile" --window-size=1400,1600 --dump-dom "file://$PWD/$1" 2> /dev/null \
            | grep -o 'data-drawn-ms="[0-9]*"' | grep -o '[0-9]*' || echo "?")
        rm -rf "$profile"
        times+=("$ms")
    done
    echo "Chromium, navigation start to drawn (ms), $RUNS runs: ${times[*]}"
    printf '%s\n' "${times[@]}" | grep -v '?' | sort -n | awk '{a[NR]=$1} END {if (NR) printf "median %d ms, min %d ms\n", a[int((NR+1)/2)], a[1]}'
}
open_times "$HTML"

SCRIPT=$OUT/script-$SCRIPT_SIZE-seed1.txt
[[ -f $SCRIPT && ${REGEN:-0} != 1 ]] || python3 bench/gen-script.py "$SCRIPT_SIZE" "$SCRIPT" --seed 1
SHTML="$OUT/report-script-$SCRIPT_SIZE.html"
echo
echo "== $SCRIPT: $(stat -c %s "$SCRIPT") bytes"
START=$(date +%s%N)
"$JAVA" -jar "$JAR" report "$SCRIPT" -o "$SHTML" > /dev/null
END=$(date +%s%N)
echo "hitmap report: $(stat -c %s "$SHTML") bytes in $(( (END - START) / 1000000 )) ms; flame graph: $(python3 -c '
import json, re, sys
d = json.loads(re.search(r"id=\"hitmap-data\">(.*?)</script>", open(sys.argv[1], encoding="utf-8").read(), re.S).group(1))
for f in d["flame"]:
    print("%d samples, %d boxes kept, %d frames under %d samples merged" % (f["samples"], len(f["value"]), f["merged_frames"], f["min_samples"]), end="; ")
' "$SHTML")"
open_times "$SHTML"
