#!/usr/bin/env bash
# The long run of the API fuzzer: requests generated from the OpenAPI document against the real
# server, on SQLite, on embedded PostgreSQL and on SQLite with blobs in S3Proxy. ./mvnw verify runs a short budget of the same test.
#
#   bench/fuzz.sh [REQUESTS] [SEED]     default 100000 requests, a new seed each run
#
# Prints the seed, the answers by status class, and every failure (a 5xx, an error that is not a
# problem, an answer that shows the server's insides); exits non-zero when there is one. A failure
# is repeated with the same seed.
set -euo pipefail
cd "$(dirname "$0")/.."
requests="${1:-100000}"
seed="${2:-$(date +%s%N)}"
echo "fuzzing with $requests requests per database, seed $seed"
./mvnw -pl server -B -ntp -q verify -Dspotless.check.skip=true -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=ApiFuzzIntegrationTests -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dfileshare.fuzz.requests="$requests" -Dfileshare.fuzz.seed="$seed"
for db in sqlite postgres s3; do
  report="server/target/failsafe-reports/$db/TEST-dev.fileshare.fuzz.ApiFuzzIntegrationTests.xml"
  printf '%-9s %s\n' "$db" "$(grep -o 'tests="[0-9]*" errors="[0-9]*" skipped="[0-9]*" failures="[0-9]*"' "$report" | head -1)"
done
