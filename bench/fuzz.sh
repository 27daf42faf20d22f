#!/usr/bin/env bash
# The long run of the API fuzzer: requests generated from the OpenAPI document against the real
# server, on SQLite, on embedded PostgreSQL and on SQLite with blobs in S3Proxy. ./mvnw verify runs
# a short budget of the same test.
#
#   bench/fuzz.sh [REQUESTS] [SEED]     default 100000 requests per database, a new seed each run
#   FUZZ_DATABASES="sqlite" bench/fuzz.sh 100000     one database (of sqlite, postgres, s3)
#
# Prints the seed, the answers by status class, and every failure (a 5xx, an error that is not a
# problem, an answer that shows the server's insides); exits non-zero when there is one. A failure
# is repeated with the same seed. Builds in this working copy: run it from a clone of its own to go
# on working meanwhile.
set -euo pipefail
cd "$(dirname "$0")/.."
requests="${1:-100000}"
seed="${2:-$(date +%s%N)}"
databases="${FUZZ_DATABASES:-sqlite postgres s3}"
echo "fuzzing with $requests requests per database ($databases), seed $seed"
./mvnw -pl server -B -ntp -q test-compile -Dspotless.check.skip=true
failed=0
for db in $databases; do
  started=$(date +%s)
  ./mvnw -pl server -B -ntp "failsafe:integration-test@$db" -Dspotless.check.skip=true \
    -Dit.test=ApiFuzzIntegrationTests -Dfailsafe.failIfNoSpecifiedTests=false \
    -Dfileshare.fuzz.requests="$requests" -Dfileshare.fuzz.seed="$seed" >"server/target/fuzz-$db.log" 2>&1 || true
  report="server/target/failsafe-reports/$db/TEST-dev.fileshare.fuzz.ApiFuzzIntegrationTests.xml"
  counts="$(grep -o 'tests="[0-9]*" errors="[0-9]*" skipped="[0-9]*" failures="[0-9]*"' "$report" | head -1)"
  printf '%-9s %s, %s s\n' "$db" "$counts" "$(($(date +%s) - started))"
  grep -o "API fuzz: .*" "server/target/fuzz-$db.log" | head -3 || true
  case "$counts" in *'errors="0"'*'failures="0"'*) ;; *) failed=1 ;; esac
done
exit "$failed"
