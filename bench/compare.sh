#!/usr/bin/env bash
# Two or more builds or settings side by side: each runs as a server of its own (SQLite, 50 files,
# signed in, warmed up), all at once but loaded one at a time, and GET /api/all_files/ is measured
# with wrk (2 threads, 64 connections) on each in turn, round after round, so that what the
# machine does meanwhile falls on all of them alike. A change is kept only when it wins every round.
# BENCH_WORKLOAD=rename measures writes instead: PATCH /api/files/<id>/ renaming one of the 50
# files each time (bench/rename.lua), every request a transaction that takes SQLite's write lock.
# Usage: bench/compare.sh NAME=JAR[:ENV=VALUE,…] NAME=JAR[:ENV=VALUE,…] …
#   e.g. bench/compare.sh before=/tmp/before.jar after=server/target/fileshare-0.1.0-SNAPSHOT.jar
#        bench/compare.sh c8=app.jar:FILESHARE_VIRTUAL_THREADS_CARRIERS=8 c2=app.jar
# Settings (environment): BENCH_ROUNDS (3), BENCH_DURATION (wrk seconds per turn, 10),
# BENCH_WARMUP (wrk seconds per server first, 25), BENCH_HOG=1 (the turns beside stress-ng --cpu 1),
# BENCH_PORT (18200: the first server's; the next ones count up), BENCH_JAVA_HOME (default JDK 25
# when installed), BENCH_DUMPS=1 (a JSON thread dump of the measured server about once a second
# during each turn, and bench/stalls.py's account of the requests that stayed a second or more;
# each dump is a jcmd process on the same cores, so those turns have less throughput).
# Results: printed, and kept in bench/results/compare-<time>/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

if (($# < 2)); then
  sed -n '2,14p' "$0" >&2
  exit 2
fi
ROUNDS=${BENCH_ROUNDS:-3}
DURATION=${BENCH_DURATION:-10}
WARMUP=${BENCH_WARMUP:-25}
WORKLOAD=${BENCH_WORKLOAD:-list}
JAVA_HOME=${BENCH_JAVA_HOME:-$([[ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]] && echo /usr/lib/jvm/temurin-25-jdk-amd64 || true)}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JCMD=${JAVA_HOME:+$JAVA_HOME/bin/}jcmd
OUT="$ROOT/bench/results/compare-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null
if [[ "${BENCH_HOG:-0}" == 1 ]]; then
  command -v stress-ng >/dev/null || apt-get install -y -qq stress-ng >/dev/null
fi

NAMES=()
declare -A PIDS BASES AUTHS TOKENS
cleanup() {
  [[ -n "${HOG_PID:-}" ]] && kill "$HOG_PID" 2>/dev/null || true
  [[ -n "${DUMPER_PID:-}" ]] && kill "$DUMPER_PID" 2>/dev/null || true
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

port=${BENCH_PORT:-18200}
for spec in "$@"; do
  name=${spec%%=*}
  rest=${spec#*=}
  JAR=${rest%%:*}
  settings=""
  [[ "$rest" == *:* ]] && settings=${rest#*:}
  WORK=$(mktemp -d "${BENCH_DIR:-/tmp}/fileshare-compare-$name.XXXXXX")
  PORT=$port
  BASE="http://127.0.0.1:$PORT"
  (
    IFS=,
    for setting in $settings; do export "${setting?}"; done
    unset IFS
    start_server "$name" -Xms256m -Xmx256m
    echo "$SERVER_PID" >"$WORK/pid"
  )
  PIDS[$name]=$(cat "$WORK/pid")
  SERVER_PID=${PIDS[$name]}
  sign_up "$OUT/server-$name.log"
  seed_list
  log "warming $name up (${WARMUP}s)"
  wrk -t2 -c64 -d"${WARMUP}s" -H "$AUTH" "$BASE/api/all_files/" >/dev/null
  if [[ "$WORKLOAD" == rename ]]; then
    TOKEN=$TOKEN wrk -t2 -c64 -d"${WARMUP}s" -s "$ROOT/bench/rename.lua" "$BASE" >/dev/null
  fi
  BASES[$name]=$BASE
  AUTHS[$name]=$AUTH
  TOKENS[$name]=$TOKEN
  NAMES+=("$name")
  port=$((port + 1))
done

if [[ "${BENCH_HOG:-0}" == 1 ]]; then
  stress-ng --cpu 1 --quiet &
  HOG_PID=$!
  sleep 2
fi
{
  if [[ "$WORKLOAD" == rename ]]; then
    echo -n "PATCH /api/files/<id>/ (a rename, one of 50 files)"
  else
    echo -n "GET /api/all_files/ (50 files)"
  fi
  echo ", wrk -t2 -c64, ${DURATION}s a turn$([[ -n "${HOG_PID:-}" ]] && echo ", beside stress-ng --cpu 1")"
  echo
  echo "| round | build | req/s | p50 ms | p99 ms | errors |"
  echo "|---|---|---|---|---|---|"
} | tee "$OUT/table.md"
# thread dumps of one server, about one a second, into a directory, until killed
dump_threads() { # pid, directory
  mkdir -p "$2"
  local i=0
  while kill -0 "$1" 2>/dev/null; do
    i=$((i + 1))
    "$JCMD" "$1" Thread.dump_to_file -format=json "$2/$(printf %04d "$i").json" >/dev/null 2>&1 || true
    sleep 1
  done
}
for round in $(seq 1 "$ROUNDS"); do
  for name in "${NAMES[@]}"; do
    if [[ "${BENCH_DUMPS:-0}" == 1 ]]; then
      dump_threads "${PIDS[$name]}" "$OUT/dumps-$name-$round" &
      DUMPER_PID=$!
    fi
    if [[ "$WORKLOAD" == rename ]]; then
      read -r rps p50 p99 errors _ < <(TOKEN=${TOKENS[$name]} wrk_run 64 "$name-$round" -s "$ROOT/bench/rename.lua" "${BASES[$name]}")
    else
      read -r rps p50 p99 errors _ < <(wrk_run 64 "$name-$round" -H "${AUTHS[$name]}" "${BASES[$name]}/api/all_files/")
    fi
    if [[ -n "${DUMPER_PID:-}" ]]; then
      kill "$DUMPER_PID" 2>/dev/null || true
      wait "$DUMPER_PID" 2>/dev/null || true
      DUMPER_PID=
    fi
    echo "| $round | $name | $rps | $p50 | $p99 | $errors |" | tee -a "$OUT/table.md"
  done
done
if [[ "${BENCH_DUMPS:-0}" == 1 ]]; then
  python3 "$ROOT/bench/stalls.py" "$OUT"/dumps-* | tee "$OUT/stalls.txt"
fi
log "results in $OUT"
