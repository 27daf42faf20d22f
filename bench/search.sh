#!/usr/bin/env bash
# Benchmark of full-text search, on SQLite and on PostgreSQL (embedded, from the test classpath):
# indexes generated pages through PageRows.add (100 per file, one transaction per file, as the
# background job does), then times a few searches as one of ten users (SearchService, no HTTP):
# indexing throughput in pages/s, and search p50/p99 over 100 runs of each query.
# Usage: bench/search.sh             100,000 pages on each database
#        BENCH_PAGES=10000 bench/search.sh   fewer, to try the script
# Results: printed, and kept in bench/results/search-<time>/ (a table and the query plan per database).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PAGES=${BENCH_PAGES:-100000}
OUT="$ROOT/bench/results/search-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"

log() { printf '[bench] %s\n' "$*" >&2; }

if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  log "compiling"
  ./mvnw -pl server -B -ntp -o -q test-compile -Dspotless.check.skip=true
fi
for db in sqlite postgres; do
  log "$db: indexing $PAGES pages and searching"
  ./mvnw -pl server -B -ntp -o -q "failsafe:integration-test@$db" -Dit.test=SearchBenchmark \
    -Dfailsafe.failIfNoSpecifiedTests=false -Dbench.pages="$PAGES" -Dbench.out="$OUT/$db.md" \
    >"$OUT/$db.log" 2>&1 || { log "$db failed, see $OUT/$db.log"; exit 1; }
  [[ -s "$OUT/$db.md" ]] || { log "$db wrote no results, see $OUT/$db.log"; exit 1; }
done
cat "$OUT/sqlite.md" "$OUT/postgres.md" | tee "$OUT/table.md"
