#!/usr/bin/env bash
# kill -9 under load, cycle after cycle: the server (a JVM of its own) is killed while clients
# upload (multipart, raw and resumable), replace and delete, then started again and checked: every
# acknowledged file there with its content, deleted ones gone, every file touched in the cycle
# downloading with its SHA-256, no blob without a row, no half-written upload (in S3: no object
# without a row and no unfinished multipart upload after a sweep).
# Usage: deploy/crash-cycles.sh                 20 cycles of 100 clients: SQLite and PostgreSQL with
#                                               the blobs on local disk, PostgreSQL with them in S3
#        CYCLES=5 CLIENTS=20 PER_CYCLE=100 DATABASES="sqlite postgres-s3" deploy/crash-cycles.sh
# An entry of DATABASES is a database (sqlite, postgres), with -s3 for blobs in S3 (S3Proxy).
# Each restart loads the classes in server/target/: build nothing in this working copy meanwhile
# (run it from a clone of its own to go on working).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="$(pwd)/bench/results/crash-cycles-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
./mvnw -pl server -B -ntp -o -q test-compile -Dspotless.check.skip=true
for run in ${DATABASES:-sqlite postgres postgres-s3}; do
  db="${run%-s3}"
  store=local
  if [ "$run" != "$db" ]; then store=s3; fi
  ./mvnw -pl server -B -ntp -o -q "failsafe:integration-test@$db" -Dit.test=CrashRecoveryIntegrationTests \
    -Dfailsafe.failIfNoSpecifiedTests=false -Dcrash.store="$store" -Dcrash.cycles="${CYCLES:-20}" \
    -Dcrash.clients="${CLIENTS:-100}" -Dcrash.acknowledged="${PER_CYCLE:-200}" \
    >"$OUT/$run.log" 2>&1 || echo "$run: FAILED, see $OUT/$run.log" >&2
  grep -o "Crash cycle.*" "$OUT/$run.log" | sed "s/^/$run: /" | tee -a "$OUT/table.txt"
done
