#!/usr/bin/env bash
# Fairness of the upload check: 2 MB PDFs without a cross-reference table (PDFBox reads them by a
# full scan) from one user, at the same time as well-formed 2 MB PDFs from another. Prints
# uploads/s for each kind alone (the baseline, in the same run) and for both together.
# Usage: bench/inspection.sh
#        BENCH_BASELINE_JAR=/path/to/other.jar bench/inspection.sh   the same measures against
#        another build first (for example main's, before a change), side by side in the table
# Settings (environment): BENCH_DURATION (seconds per measure, 10), BENCH_CLIENTS (uploads in
# flight per user, 8), BENCH_PORT (18002), BENCH_DIR (where data goes, /tmp), BENCH_SKIP_BUILD=1,
# and any FILESHARE_INSPECTION_* setting, passed on to the server.
# Results: printed, and kept in bench/results/<time>-inspection/ (table.md, server log).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

DURATION=${BENCH_DURATION:-10}
CLIENTS=${BENCH_CLIENTS:-8}
PORT=${BENCH_PORT:-18002}
BASE="http://127.0.0.1:$PORT"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT="$ROOT/bench/results/$STAMP-inspection"
WORK=$(mktemp -d "${BENCH_DIR:-/tmp}/fileshare-bench.XXXXXX")
mkdir -p "$OUT" "$WORK/data" "$WORK/codes"
SERVER_PID=

cleanup() {
  [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

if [[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
  JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JDK_VERSION=$("$JAVA" -version 2>&1 | head -1)

if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  log "building the jar"
  ./mvnw -pl server -q -B -ntp -DskipTests -Dspotless.check.skip=true package
fi
JAR=$(ls server/target/fileshare-*.jar | grep -v original | head -1)

# ---------------------------------------------------------------- data
make_pdf "$WORK/well-formed.pdf" $((2 * 1048576)) xref
make_pdf "$WORK/no-xref.pdf" $((2 * 1048576)) none

# ---------------------------------------------------------------- helpers
PASSWORD="violet kettles hum beneath 9 lanterns"
account() { # username, its place among the verification mails → token
  local name=$1 verify=
  curl -fs -X POST "$BASE/api/user/register/" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$name\",\"password\":\"$PASSWORD\",\"email\":\"$name@example.org\"}" >/dev/null
  for _ in $(seq 1 100); do
    verify=$(grep -o "verify-email/[0-9a-f]*" "$LOG" | awk '!seen[$0]++' | sed -n "$2p" | cut -d/ -f2 || true)
    [[ -n "$verify" ]] && break
    sleep 0.2
  done
  curl -fs -X POST "$BASE/api/verify-email/$verify/" >/dev/null
  curl -fs -X POST "$BASE/api/user/login/" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$name\",\"password\":\"$PASSWORD\"}" | json_field token
}

# $CLIENTS loops of uploads of $2 as the user with token $3 until $1 (epoch seconds); each
# answer's status goes to $4, one line per upload; each stored file is deleted again.
uploads_until() {
  local deadline=$1 file=$2 token=$3 codes=$4
  for _ in $(seq 1 "$CLIENTS"); do
    (
      while (($(date +%s) < deadline)); do
        answer=$(curl -s -w '\n%{http_code}' -X POST "$BASE/api/files?name=bench.pdf" \
          -H "Authorization: Token $token" -H 'Content-Type: application/pdf' -T "$file")
        code=$(tail -1 <<<"$answer")
        echo "$code" >>"$codes"
        id=$(head -1 <<<"$answer" | json_field id)
        if [[ $code == 201 ]]; then
          curl -s -o /dev/null -X DELETE "$BASE/api/files/$id/" -H "Authorization: Token $token"
        fi
      done
    ) &
    UPLOADERS+=($!)
  done
}
rate() { awk -v d="$DURATION" '$1 == 201 { n++ } END { printf "%.1f", n / d }' "$1"; }
others() { awk '$1 != 201 { n++ } END { print n + 0 }' "$1"; }

measure() { # label, then pairs of kind:token
  local label=$1 deadline
  shift
  UPLOADERS=()
  deadline=$(($(date +%s) + DURATION))
  for pair in "$@"; do
    : >"$CODES/$label-${pair%%:*}"
    uploads_until "$deadline" "$WORK/${pair%%:*}.pdf" "${pair#*:}" "$CODES/$label-${pair%%:*}"
  done
  wait "${UPLOADERS[@]}"
}

# Starts the jar $2 as build $1 on fresh data, makes the two users, measures, stops it.
bench_build() {
  local name=$1 jar=$2
  LOG="$OUT/server-$name.log"
  CODES="$WORK/codes/$name"
  mkdir -p "$CODES"
  rm -rf "$WORK/data"
  log "$name: starting the server"
  FILESHARE_DATA_DIR="$WORK/data" SERVER_PORT=$PORT FILESHARE_PUBLIC_URL="$BASE" \
    FILESHARE_RATE_LIMIT_ENABLED=false FILESHARE_MAIL_POLL_INTERVAL=200ms \
    "$JAVA" -Xmx512m -jar "$jar" >"$LOG" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 240); do
    curl -fs "$BASE/actuator/health" >/dev/null 2>&1 && break
    kill -0 "$SERVER_PID" 2>/dev/null || { log "the server exited; see $LOG"; exit 1; }
    sleep 0.5
  done
  local costly well duration=$DURATION
  costly=$(account costly 1)
  well=$(account wellformed 2)
  log "$name: warming up"
  DURATION=5
  measure warmup "well-formed:$well" "no-xref:$costly"
  DURATION=$duration
  log "$name: well-formed alone"
  measure alone "well-formed:$well"
  log "$name: no-xref alone"
  measure alone "no-xref:$costly"
  log "$name: both at once"
  measure both "well-formed:$well" "no-xref:$costly"
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=
}

rows() { # build name
  local c="$WORK/codes/$1" wa na wb nb
  wa=$(rate "$c/alone-well-formed")
  na=$(rate "$c/alone-no-xref")
  wb=$(rate "$c/both-well-formed")
  nb=$(rate "$c/both-no-xref")
  echo "| $1 | well-formed 2 MiB PDF | wellformed | $wa | $wb | $(ratio "$wb" "$wa") | $(others "$c/both-well-formed") |"
  echo "| $1 | 2 MiB PDF without xref | costly | $na | $nb | $(ratio "$nb" "$na") | $(others "$c/both-no-xref") |"
}

BUILDS=()
if [[ -n "${BENCH_BASELINE_JAR:-}" ]]; then
  bench_build baseline "$BENCH_BASELINE_JAR"
  BUILDS+=(baseline)
fi
bench_build this "$JAR"
BUILDS+=(this)

{
  echo "Run $STAMP on $(nproc) cores (load average $(cut -d' ' -f1-3 /proc/loadavg)); $JDK_VERSION; $CLIENTS uploads in flight per user, ${DURATION}s per measure; 2 MiB PDFs, raw uploads, each deleted after."
  echo
  echo "| build | uploads of | user | alone (uploads/s) | with the other user (uploads/s) | ratio | not 201 |"
  echo "|---|---|---|---|---|---|---|"
  for build in "${BUILDS[@]}"; do rows "$build"; done
} | tee "$OUT/table.md"
log "results in $OUT"
