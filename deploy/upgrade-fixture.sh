#!/usr/bin/env bash
# Keeps an installation made by this build as an upgrade fixture, on SQLite and on PostgreSQL, under
# server/src/test/resources/upgrade/<database>-v<schema version>/, for UpgradeIntegrationTests to open with
# every later build. Run it when a release changes the schema (a new migration), before the next
# migration lands; commit the new directories. An existing fixture is never rewritten.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -pl server -B -ntp -q test-compile -Dspotless.check.skip=true
for db in sqlite postgres; do
  ./mvnw -pl server -B -ntp -q "failsafe:integration-test@$db" -Dit.test=UpgradeFixtureWriter \
    -Dfailsafe.failIfNoSpecifiedTests=false -Dupgrade.out="$(pwd)/server/src/test/resources/upgrade" \
    >"/tmp/upgrade-fixture-$db.log" 2>&1 || { echo "$db failed: /tmp/upgrade-fixture-$db.log" >&2; exit 1; }
done
ls server/src/test/resources/upgrade/
