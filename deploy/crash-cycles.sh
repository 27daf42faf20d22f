#!/usr/bin/env bash
# kill -9 under load, cycle after cycle: the server (a JVM of its own) is killed while clients
# upload (multipart and raw), replace and delete, then started again and checked: every
# acknowledged file there with its content, deleted ones gone, every file touched in the cycle
# downloading with its SHA-256, no blob without a row, no half-written upload.
# Usage: deploy/crash-cycles.sh                 20 cycles of 100 clients, SQLite then PostgreSQL
#        CYCLES=5 CLIENTS=20 PER_CYCLE=100 DATABASES=sqlite deploy/crash-cycles.sh
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="$(pwd)/bench/results/crash-cycles-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
./mvnw -pl server -B -ntp -o -q test-compile -Dspotless.check.skip=true
for db in ${DATABASES:-sqlite postgres}; do
  ./mvnw -pl server -B -ntp -o -q "failsafe:integration-test@$db" -Dit.test=CrashRecoveryIntegrationTests \
    -Dfailsafe.failIfNoSpecifiedTests=false -Dcrash.cycles="${CYCLES:-20}" \
    -Dcrash.clients="${CLIENTS:-100}" -Dcrash.acknowledged="${PER_CYCLE:-200}" \
    >"$OUT/$db.log" 2>&1 || echo "$db: FAILED, see $OUT/$db.log" >&2
  grep -o "Crash cycle.*" "$OUT/$db.log" | sed "s/^/$db: /" | tee -a "$OUT/table.txt"
done
