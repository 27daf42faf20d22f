#!/usr/bin/env bash
# The list's tail with a CPU hog on one of the two cores, server setting by server setting: for
# each configuration a fresh server (SQLite, 50 files) is warmed up, then GET /api/all_files/ runs
# with wrk (2 threads, 64 connections) on a quiet machine and beside `stress-ng --cpu 1`, and
# /actuator/health/liveness beside the hog (no files code: the server's floor).
# Usage: bench/tail.sh
#        BENCH_TAIL_CONFIGS="label|java home|JVM options;…" bench/tail.sh   other configurations
#        BENCH_DURATION (10), BENCH_WARMUP (30), BENCH_PORT (18000), BENCH_SKIP_BUILD=1
# Results: printed, and kept in bench/results/tail-<time>/ (table, wrk outputs, server logs).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

JDK17=/usr/lib/jvm/java-17-openjdk-amd64
JDK25=/usr/lib/jvm/temurin-25-jdk-amd64
DEFAULT_CONFIGS="JDK 17, platform threads|$JDK17|;\
JDK 25, 8 carriers (4 a core)|$JDK25|-Dfileshare.virtual-threads.carriers=8;\
JDK 25, 2 carriers (1 a core, the default)|$JDK25|;\
JDK 25, platform threads|$JDK25|-Dspring.threads.virtual.enabled=false"
CONFIGS=${BENCH_TAIL_CONFIGS:-$DEFAULT_CONFIGS}
DURATION=${BENCH_DURATION:-10}
WARMUP=${BENCH_WARMUP:-30}
PORT=${BENCH_PORT:-18000}
BASE="http://127.0.0.1:$PORT"
OUT="$ROOT/bench/results/tail-$(date -u +%Y%m%dT%H%M%SZ)"
WORK=$(mktemp -d "${BENCH_DIR:-/tmp}/fileshare-tail.XXXXXX")
mkdir -p "$OUT"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
SERVER_PID=
HOG_PID=

cleanup() {
  for pid in $HOG_PID $SERVER_PID; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

command -v wrk >/dev/null && command -v stress-ng >/dev/null || {
  log "installing wrk and stress-ng from Debian"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk stress-ng >/dev/null
}
build_jar

# p50 / p90 / p99 in ms from a wrk --latency output
percentiles() {
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    $1 == "50%" { p50 = ms($2) }
    $1 == "90%" { p90 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    END { printf "%.1f / %.1f / %.1f", p50, p90, p99 }' "$1"
}

ROWS=()
n=0
IFS=';' read -ra list <<<"$CONFIGS"
for config in "${list[@]}"; do
  IFS='|' read -r label home options <<<"$config"
  n=$((n + 1))
  JAVA="$home/bin/java"
  rm -rf "$WORK/data"
  mkdir -p "$WORK/data"
  # shellcheck disable=SC2086
  start_server "tail-$n" $options
  sign_up "$OUT/server-tail-$n.log"
  seed_list
  log "$label: warming up for ${WARMUP}s"
  wrk -t2 -c64 -d"${WARMUP}s" -H "$AUTH" "$BASE/api/all_files/" >/dev/null
  read -r rps _ _ errors _ < <(wrk_run 64 "quiet-$n" -H "$AUTH" "$BASE/api/all_files/")
  quiet="$rps; $(percentiles "$OUT/wrk-quiet-$n.txt"); $errors"
  stress-ng --cpu 1 --cpu-method int64 --quiet &
  HOG_PID=$!
  sleep 2
  read -r rps _ _ errors _ < <(wrk_run 64 "hog-$n" -H "$AUTH" "$BASE/api/all_files/")
  hog="$rps; $(percentiles "$OUT/wrk-hog-$n.txt"); $errors"
  read -r rps _ _ errors _ < <(wrk_run 64 "liveness-$n" -H "$AUTH" "$BASE/actuator/health/liveness")
  liveness="$rps; $(percentiles "$OUT/wrk-liveness-$n.txt"); $errors"
  kill "$HOG_PID" 2>/dev/null || true
  wait "$HOG_PID" 2>/dev/null || true
  HOG_PID=
  threads=$(awk '/^Threads/ {print $2}' "/proc/$SERVER_PID/status")
  stop_server
  ROWS+=("| $label | $quiet | $hog | $liveness | $threads |")
  log "$label: quiet $quiet; hog $hog; liveness $liveness"
done

{
  echo "Run $(date -u +%FT%TZ) on $(nproc) cores, load average $LOAD_START at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end (the runs themselves); wrk 2 threads, 64 connections, ${DURATION}s after ${WARMUP}s."
  echo
  echo "| configuration | list, quiet: req/s; p50 / p90 / p99 ms; errors | list, CPU hog | liveness, CPU hog | threads |"
  echo "|---|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
} | tee "$OUT/table.md"
