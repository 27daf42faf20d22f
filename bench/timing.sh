#!/usr/bin/env bash
# Whether sign-in, password reset and a new verification mail take the same time for accounts that
# exist and for ones that do not: TimingIntegrationTests with many samples (2,000 of each kind by
# default; the suite runs 200), on SQLite and on PostgreSQL. Prints the medians and the
# Kolmogorov-Smirnov distance of each comparison.
# Usage: bench/timing.sh            BENCH_SAMPLES=5000 bench/timing.sh
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="$(pwd)/bench/results/timing-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
./mvnw -pl server -B -ntp -o -q test-compile -Dspotless.check.skip=true
for db in sqlite postgres; do
  ./mvnw -pl server -B -ntp -o -q "failsafe:integration-test@$db" -Dit.test=TimingIntegrationTests \
    -Dfailsafe.failIfNoSpecifiedTests=false -Dtiming.samples="${BENCH_SAMPLES:-2000}" \
    >"$OUT/$db.log" 2>&1 || echo "$db: a comparison failed, see $OUT/$db.log" >&2
  grep -o "Timing of .*" "$OUT/$db.log" | sed "s/^/$db: /" | tee -a "$OUT/table.txt"
done
