#!/usr/bin/env bash
# Benchmark of the auditor exports (issue 5). Not a test: it prints figures and never fails on them.
#
#   bench/exports.sh [--no-build] [--keep]
#
# Builds the jar (unless --no-build), generates 4 gateways x 250 tenants x 49 domains (1,000 tenants,
# 202,000 findings) plus a tenant "bench-25" with 25 domains, starts the application with -Xmx256m
# on a fresh embedded database under $BENCH_DIR, imports the snapshots and measures:
#   1. the tenant PDF of bench-25 (25 domains), warm: median and maximum of 20 requests
#   2. the summary PDF of all 1,000 tenants: 3 requests
#   3. the all-tenant findings CSV (202,000 rows): 3 requests and the heap after every young GC
#      during them (from the JVM's GC log), then one export to a slow client (20 MB/s) with a forced
#      full GC every 0.5 s, whose heap-after-GC figures show what the export keeps alive
# Only loopback traffic; the application is stopped at the end (unless --keep).
set -euo pipefail
cd "$(dirname "$0")/.."

BENCH_DIR=${BENCH_DIR:-/tmp/hardening-bench}
PORT=${BENCH_PORT:-18080}
BASE=http://127.0.0.1:$PORT
AUTH=operator:operator-demo
BUILD=1
KEEP=0
for arg in "$@"; do
  case "$arg" in
    --no-build) BUILD=0 ;;
    --keep) KEEP=1 ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done

if [[ $BUILD == 1 ]]; then
  echo "== building the jar"
  ./mvnw -B -q package -DskipTests
fi
JAR=$(ls target/seppmail-hardening-dashboard-*.jar | grep -v original | head -1)

rm -rf "$BENCH_DIR"
mkdir -p "$BENCH_DIR/snapshots"
echo "== generating snapshots"
java bench/GenerateSnapshots.java "$BENCH_DIR/snapshots" 4 250 49

echo "== starting $JAR with -Xmx256m"
java -Xmx256m -Xlog:gc:file="$BENCH_DIR/gc.log":uptime -jar "$JAR" --spring.profiles.active=demo \
  --hardening.data-directory="$BENCH_DIR/data" --server.port="$PORT" >"$BENCH_DIR/app.log" 2>&1 &
APP=$!
stop() { if [[ $KEEP == 0 ]]; then kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; fi; }
trap stop EXIT
for _ in $(seq 1 180); do
  if curl -fs "$BASE/actuator/health" >/dev/null 2>&1; then break; fi
  sleep 1
done
curl -fs "$BASE/actuator/health" >/dev/null || { echo "the application did not start; see $BENCH_DIR/app.log"; exit 1; }

echo "== importing"
for file in "$BENCH_DIR"/snapshots/*.json; do
  curl -fs -u "$AUTH" -H 'Content-Type: application/json' --data-binary @"$file" -o /dev/null \
    -w "   $(basename "$file"): %{time_total} s\n" "$BASE/api/snapshots"
done
TENANTS=$(curl -fs -u "$AUTH" "$BASE/api/tenants")
BENCH25=$(jq -r '.[] | select(.name == "bench-25") | .id' <<<"$TENANTS")
echo "   tenants: $(jq length <<<"$TENANTS"), bench-25 = $BENCH25"

# time URL: prints the seconds one GET takes; the body goes to $BENCH_DIR/last
time_get() { curl -fs -u "$AUTH" -o "$BENCH_DIR/last" -w '%{time_total}\n' "$1"; }
stats() { sort -n | awk '{ a[NR] = $1 } END { printf "median %.0f ms, max %.0f ms (n=%d)\n", a[int((NR + 1) / 2)] * 1000, a[NR] * 1000, NR }'; }

echo "== 1. tenant PDF, 25 domains (target: < 300 ms warm)"
for _ in $(seq 1 60); do time_get "$BASE/api/tenants/$BENCH25/report.pdf" >/dev/null; done
for _ in $(seq 1 30); do time_get "$BASE/api/tenants/$BENCH25/report.pdf"; done | stats | sed 's/^/   /'
echo "   $(stat -c %s "$BENCH_DIR/last") bytes"

echo "== 2. summary PDF, all tenants (target: < 5 s)"
time_get "$BASE/api/reports/summary.pdf" >/dev/null
for _ in 1 2 3; do time_get "$BASE/api/reports/summary.pdf"; done | stats | sed 's/^/   /'
echo "   $(stat -c %s "$BENCH_DIR/last") bytes"

echo "== 3. findings CSV, all tenants (target: < 5 s at -Xmx256m, heap after GC flat)"
time_get "$BASE/api/reports/findings.csv" >/dev/null
echo "   rows: $(($(wc -l <"$BENCH_DIR/last"))) lines, last record: $(tail -1 "$BENCH_DIR/last")"
before=$(wc -l <"$BENCH_DIR/gc.log")
for _ in 1 2 3; do time_get "$BASE/api/reports/findings.csv"; done | stats | sed 's/^/   /'
echo "   $(stat -c %s "$BENCH_DIR/last") bytes"
echo "   heap after each young GC during those exports (MB):"
tail -n +"$((before + 1))" "$BENCH_DIR/gc.log" | grep -E 'Pause (Young|Full)' | grep -oE '[0-9]+M->[0-9]+M' \
  | sed -E 's/.*->([0-9]+)M/\1/' | tr '\n' ' ' | fold -w 100 | sed 's/^/     /'
echo

# A slow client (20 MB/s) stretches one export over several seconds; a full GC every half second
# shows what the export itself keeps alive.
full_gcs() { tail -n +"$1" "$BENCH_DIR/gc.log" | grep -E 'Pause Full \(Diagnostic Command\)' \
  | grep -oE '[0-9]+M->[0-9]+M' | sed -E 's/.*->([0-9]+)M/\1/' | tr '\n' ' '; }
before=$(wc -l <"$BENCH_DIR/gc.log")
jcmd "$APP" GC.run >/dev/null
echo "   heap after a full GC before the export: $(full_gcs $((before + 1))) MB"
before=$(wc -l <"$BENCH_DIR/gc.log")
start=$(date +%s%N)
curl -fs -u "$AUTH" --limit-rate 20M -o /dev/null "$BASE/api/reports/findings.csv" &
CSV=$!
while kill -0 "$CSV" 2>/dev/null; do
  jcmd "$APP" GC.run >/dev/null 2>&1 || true
  sleep 0.5
done
wait "$CSV" || true
echo "   heap after a full GC every 0.5 s during an export to a 20 MB/s client ($((($(date +%s%N) - start) / 1000000)) ms):"
echo "     $(full_gcs $((before + 1))) MB"
