#!/usr/bin/env bash
# Benchmark of file lists at a million files, on SQLite and on PostgreSQL (embedded, from the test
# classpath): inserts the rows straight into the database (over 10,000 users, three in ten visible
# to users, 50 shared with the caller by name), then times list requests over HTTP as one user, 16
# at a time, beside the server's floor (/actuator/health/liveness) measured the same way in the same
# run: p50, p99, requests/s, and p50 as a multiple of the floor's.
# Usage: bench/files.sh                        1,000,000 files on each database
#        BENCH_FILES=100000 bench/files.sh     fewer, to try the script
#        BENCH_CONNECTIONS=16 BENCH_REQUESTS=800 BENCH_WARMUP=30 (seconds) BENCH_DATABASES="sqlite postgres"
# Results: printed, and kept in bench/results/files-<time>/ (a table and query plans per database).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
FILES=${BENCH_FILES:-1000000}
OUT="$ROOT/bench/results/files-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"

log() { printf '[bench] %s\n' "$*" >&2; }

if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  log "compiling"
  ./mvnw -pl server -B -ntp -o -q test-compile -Dspotless.check.skip=true
fi
for db in ${BENCH_DATABASES:-sqlite postgres}; do
  log "$db: inserting $FILES files and listing them"
  ./mvnw -pl server -B -ntp -o -q "failsafe:integration-test@$db" -Dit.test=MillionFilesBenchmark \
    -Dfailsafe.failIfNoSpecifiedTests=false -Dbench.files="$FILES" \
    -Dbench.connections="${BENCH_CONNECTIONS:-16}" -Dbench.requests="${BENCH_REQUESTS:-800}" \
    -Dbench.warmup="${BENCH_WARMUP:-30}" \
    -Dbench.out="$OUT/$db.md" >"$OUT/$db.log" 2>&1 || { log "$db failed, see $OUT/$db.log"; exit 1; }
  [[ -s "$OUT/$db.md" ]] || { log "$db wrote no results, see $OUT/$db.log"; exit 1; }
done
cat "$OUT"/*.md | tee "$OUT/table.md"
