#!/usr/bin/env bash
# How long migrate-database takes to move an installation from SQLite to PostgreSQL (embedded, from
# the test classpath): seeds a million files of 10,000 users straight into SQLite, then runs the
# command and prints the time and files per second.
# Usage: bench/migrate-database.sh                      1,000,000 files
#        BENCH_FILES=100000 bench/migrate-database.sh   fewer, to try the script
# Results: printed, and kept in bench/results/migrate-database-<time>/.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="$(pwd)/bench/results/migrate-database-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  ./mvnw -pl server -B -ntp -o -q test-compile -Dspotless.check.skip=true
fi
./mvnw -pl server -B -ntp -o -q failsafe:integration-test@sqlite -Dit.test=DatabaseMoveBenchmark \
  -Dfailsafe.failIfNoSpecifiedTests=false -Dbench.files="${BENCH_FILES:-1000000}" \
  -Dbench.out="$OUT/table.md" >"$OUT/run.log" 2>&1 || { echo "failed, see $OUT/run.log" >&2; exit 1; }
cat "$OUT/table.md"
