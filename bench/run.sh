#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# One command for the c2c ingest benchmark (see BENCHMARKS.md):
#   bench/run.sh [SIZE] [C2cParseBench options...]      e.g.  bench/run.sh 200MB --profile
# SIZE is binary (200MB = 200 MiB). Environment: SEED (default 1), REBUILD=1 (mvn package even
# when the jar exists), REGEN=1 (rewrite the generated file), JAVA (default: java on PATH),
# COMMIT=<rev> (benchmark that commit, built from 'git archive' in bench/target/src-<sha>,
# instead of cli/target/hitmap.jar as the working tree left it).
# Everything it writes goes to bench/target/ (the report, a snapshot of the jar, run-SIZE-SHA[-tree].log).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=${1:-200MB}
shift || true
SEED=${SEED:-1}
JAVA=${JAVA:-java}
OUT=bench/target
mkdir -p "$OUT"
SHA=$(git rev-parse --short "${COMMIT:-HEAD}")
LOG="$OUT/run-$SIZE-$SHA.log"
[[ -n ${COMMIT:-} ]] || LOG="$OUT/run-$SIZE-$SHA-tree.log"
exec > >(tee "$LOG") 2>&1

if [[ -n ${COMMIT:-} ]]; then
    # a jar of exactly one commit, built from 'git archive' outside the working tree, so that
    # the numbers (and the profile's file:line) belong to that commit and not to edits in flight
    SRC="$OUT/src-$SHA"
    if [[ ! -f $SRC/cli/target/hitmap.jar || ${REBUILD:-0} == 1 ]]; then
        echo "== building $SHA in $SRC (mvn -q -B -DskipTests package)"
        rm -rf "$SRC" && mkdir -p "$SRC"
        git archive "$SHA" | tar -x -C "$SRC"
        (cd "$SRC" && mvn -q -B -Dstyle.color=never -DskipTests package) 2>&1 | sed "s/\x1b\[[0-9;]*m//g"
    fi
    BUILT="$SRC/cli/target/hitmap.jar"
else
    if [[ ! -f cli/target/hitmap.jar || ${REBUILD:-0} == 1 ]]; then
        echo "== building cli/target/hitmap.jar (mvn -q -B -DskipTests package)"
        mvn -q -B -Dstyle.color=never -DskipTests package 2>&1 | sed "s/\x1b\[[0-9;]*m//g"
    fi
    BUILT=cli/target/hitmap.jar
fi
# a snapshot, so that another session's 'mvn package' cannot swap classes under a running JVM
JAR="$OUT/hitmap.jar"
cp "$BUILT" "$JAR"

FILE="$OUT/c2c-$SIZE-seed$SEED.txt"
if [[ ! -f $FILE || ${REGEN:-0} == 1 ]]; then
    echo "== generating $FILE"
    python3 bench/gen-c2c.py "$SIZE" "$FILE" --seed "$SEED"
fi

echo "== machine"
echo "date      $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "nproc     $(nproc)"
echo "cpu       $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//') ($(grep -m1 'cpu MHz' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//') MHz, cache $(grep -m1 'cache size' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'))"
echo "memory    $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
echo "jdk       $("$JAVA" -version 2>&1 | sed -n 2p)"
echo "load      $(cat /proc/loadavg)"
if [[ -n ${COMMIT:-} ]]; then
    echo "code      commit $SHA (git archive, built in $SRC)"
else
    echo "code      working tree at $SHA$(git diff --quiet 2>/dev/null || echo ' + uncommitted changes')"
fi
echo "jar       $BUILT built $(date -u -r "$BUILT" +%Y-%m-%dT%H:%M:%SZ), sha256 $(sha256sum "$JAR" | cut -c1-12)"
echo "file      $FILE $(stat -c %s "$FILE") bytes, $(wc -l < "$FILE") lines"

# wall time (ms resolution) and peak RSS (GNU time -v) of one command; stdout dropped
measure() {
    local label=$1
    shift
    local t t0 t1 rss
    t=$(mktemp)
    t0=$(date +%s%N)
    /usr/bin/time -v "$@" > /dev/null 2> "$t" || { cat "$t"; rm -f "$t"; return 1; }
    t1=$(date +%s%N)
    rss=$(sed -n 's/^\s*Maximum resident set size (kbytes): //p' "$t")
    rm -f "$t"
    LC_ALL=C printf "%-52s %9.3f s %9.1f MB\n" "$label" "$(awk -v n=$((t1 - t0)) 'BEGIN { print n / 1e9 }')" \
        "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')"
}

echo
echo "== processes: wall time and peak RSS (/usr/bin/time -v, Maximum resident set size)"
cat "$FILE" > /dev/null # page cache warm for every reader below
LC_ALL=C printf "%-52s %11s %12s\n" "command" "wall" "max RSS"
measure "cat FILE > /dev/null (baseline)" cat "$FILE"
measure "wc -l FILE (baseline)" wc -l "$FILE"
measure "java -jar hitmap.jar lines TEMPLATE (37 KB)" \
    "$JAVA" -jar "$JAR" lines sample-traces/will-it-scale-mmap-5.13-intel-new.c2c.txt
measure "java -jar hitmap.jar lines FILE" "$JAVA" -jar "$JAR" lines "$FILE"

echo
echo "== in-process: $JAVA --add-opens=java.base/java.nio=ALL-UNNAMED -cp $JAR bench/C2cParseBench.java $FILE $*"
"$JAVA" --add-opens=java.base/java.nio=ALL-UNNAMED -cp "$JAR" bench/C2cParseBench.java "$FILE" "$@"
echo
echo "log: $LOG"
