#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The perf report ingest benchmark (see BENCHMARKS.md):
#   bench/report.sh [SIZE...]        e.g.  bench/report.sh 20MB 200MB
# For each SIZE (binary: 200MB = 200 MiB) it generates a perf report with call graphs
# (bench/gen-report.py, SEED default 1), then runs bench/ReportParseBench.java in a JVM capped at
# -Xmx256m (a parser that kept the file would fail there), printing MB/s of a plain line read,
# of the parse, and of parse + Arrow + DuckDB, with the peak heap; then the peak RSS of the whole
# 'hitmap ingest FILE --store' process. Writes to bench/target/.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/target
mkdir -p "$OUT"
JAVA=${JAVA:-java}
[[ -f cli/target/hitmap.jar && ${REBUILD:-0} != 1 ]] || mvn -q -B -DskipTests package
JAR="$OUT/hitmap-report-bench.jar"
cp cli/target/hitmap.jar "$JAR"
echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ)  $(nproc) cpus  $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "== code $(git rev-parse --short HEAD)$(git diff --quiet 2>/dev/null || echo ' + uncommitted changes'), $("$JAVA" -version 2>&1 | sed -n 2p)"
for SIZE in "${@:-20MB 200MB}"; do
    FILE="$OUT/report-$SIZE-seed${SEED:-1}.txt"
    [[ -f $FILE && ${REGEN:-0} != 1 ]] || python3 bench/gen-report.py "$SIZE" "$FILE" --seed "${SEED:-1}"
    echo
    echo "== $FILE: $(stat -c %s "$FILE") bytes, $(wc -l < "$FILE") lines"
    "$JAVA" -Xmx256m --add-opens=java.base/java.nio=ALL-UNNAMED -cp "$JAR" bench/ReportParseBench.java "$FILE" --reps 3
    STORE="$OUT/report-$SIZE.duckdb"
    rm -f "$STORE" "$STORE.wal"
    T=$(mktemp)
    /usr/bin/time -v "$JAVA" -Xmx256m -jar "$JAR" ingest "$FILE" --store "$STORE" > /dev/null 2> "$T"
    echo "hitmap ingest --store (-Xmx256m): wall $(sed -n 's/^\s*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$T"), peak RSS $(awk '/Maximum resident set size/ {printf "%.0f MB", $6/1024}' "$T")"
    rm -f "$T" "$STORE" "$STORE.wal"
done
