#!/usr/bin/env bash
# Many connections. On each JDK (25 with virtual threads, 17 with Tomcat's platform threads):
#   1. GET /api/all_files/ (50 files, signed in) with wrk -t2 -c64, after a warm-up, alone and
#      then while 5,000 idle kept-alive connections are held open (each opened with a completed
#      request and kept alive with one request every 15 s, since Tomcat closes a connection idle
#      for server.tomcat.keep-alive-timeout, 20 s; just before wrk starts, every one of them sends
#      its request within 2 s, so that they are silent during wrk's 10 s and wrk measures the
#      list beside idle connections, not beside 333 requests a second); req/s, p50/p99,
#      connections refused or reset, the server's RSS and OS threads at their peak;
#   2. on a server started anew with a larger heap (each upload in progress holds about 0.35 MB
#      of heap, its 256 KiB store buffer most of it), 500 raw uploads at once, each a different
#      ~1 MiB PDF sent 4 KiB every 100 ms (about 26 s each): all must be answered 201 with the
#      SHA-256 of what was sent; RSS and OS threads at their peak, and the RSS growth over the
#      idle server just before.
# The clients are bench/connections.py (Python 3, standard library).
# Usage: bench/connections.sh
#        BENCH_QUICK=1 bench/connections.sh   1,000 idle connections, 100 uploads, short runs
# Settings (environment): BENCH_JDKS ("25 17": which of the two JDKs), BENCH_IDLE (5000),
# BENCH_BUSY (64), BENCH_DURATION (wrk seconds, 10), BENCH_WARMUP (30), BENCH_UPLOADS (500),
# BENCH_UPLOAD_KB (1024), BENCH_CHUNK (4096 bytes), BENCH_CHUNK_MS (100), BENCH_HEAP ("-Xmx256m",
# the server's JVM options for the connections), BENCH_UPLOAD_HEAP ("-Xmx512m", for the uploads),
# BENCH_PORT (18003), BENCH_DIR (where data goes, /tmp),
# BENCH_SKIP_BUILD=1. Any FILESHARE_* or SERVER_* variable is passed on to the server.
# Results: printed, and kept in bench/results/<time>-connections/ (table.md, server logs, samples).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

if [[ "${BENCH_QUICK:-0}" == 1 ]]; then
  IDLE=${BENCH_IDLE:-1000}
  UPLOADS=${BENCH_UPLOADS:-100}
  DURATION=${BENCH_DURATION:-5}
  WARMUP=${BENCH_WARMUP:-5}
else
  IDLE=${BENCH_IDLE:-5000}
  UPLOADS=${BENCH_UPLOADS:-500}
  DURATION=${BENCH_DURATION:-10}
  WARMUP=${BENCH_WARMUP:-30}
fi
JDKS=${BENCH_JDKS:-"25 17"}
BUSY=${BENCH_BUSY:-64}
UPLOAD_KB=${BENCH_UPLOAD_KB:-1024}
CHUNK=${BENCH_CHUNK:-4096}
CHUNK_MS=${BENCH_CHUNK_MS:-100}
HEAP=${BENCH_HEAP:-"-Xmx256m"}
UPLOAD_HEAP=${BENCH_UPLOAD_HEAP:-"-Xmx512m"}
KEEPALIVE_EVERY=15 # seconds; the server's keep-alive timeout is 20 s
PORT=${BENCH_PORT:-18003}
BASE="http://127.0.0.1:$PORT"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT="$ROOT/bench/results/$STAMP-connections"
WORK=$(mktemp -d "${BENCH_DIR:-/tmp}/fileshare-bench.XXXXXX")
mkdir -p "$OUT"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
SERVER_PID=
SAMPLER_PID=
IDLE_PID=

cleanup() {
  for pid in $IDLE_PID $SAMPLER_PID $SERVER_PID; do
    kill "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# 5,000 connections and the server's side of them: raise the open-file limit as far as allowed
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if (($(ulimit -n) < IDLE + BUSY + 1000)); then
  log "ulimit -n is $(ulimit -n): too low for $IDLE connections"
  exit 1
fi

command -v wrk >/dev/null || {
  log "installing wrk from Debian"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
}

build_jar

# ---------------------------------------------------------------- helpers
# A server on a fresh data directory; LOG is its log. name, java, JVM options...
start_fresh() {
  local name=$1
  JAVA=$2
  shift 2
  rm -rf "$WORK/data"
  mkdir -p "$WORK/data"
  LOG="$OUT/server-$name.log"
  start_server "$name" "$@"
}

rss_mb() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$SERVER_PID/status"; }
threads() { awk '/^Threads/ {print $2}' "/proc/$SERVER_PID/status"; }

start_sampler() { # file: "rss_mb threads" every 200 ms
  (while kill -0 "$SERVER_PID" 2>/dev/null; do
    echo "$(rss_mb) $(threads)" 2>/dev/null || true
    sleep 0.2
  done) >"$1" &
  SAMPLER_PID=$!
}

stop_sampler() {
  kill "$SAMPLER_PID" 2>/dev/null || true
  wait "$SAMPLER_PID" 2>/dev/null || true
  SAMPLER_PID=
}

peak() { awk -v c="$2" '$c > m { m = $c } END { print m + 0 }' "$1"; } # file, column

# the kernel's count of connections dropped because the accept queue was full
listen_drops() { awk '/^TcpExt:/ { if (!h) { for (i = 1; i <= NF; i++) n[$i] = i; h = 1 } else print $n["ListenDrops"] }' /proc/net/netstat; }

json_num() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2], {}, d))" "$@"; }

# the list as wrk measures it: "req/s p50 p99 errors failures" (bench/lib.sh)
list_run() { # label
  wrk_run "$BUSY" "$1" -H "Authorization: Token $TOKEN" "$BASE/api/all_files/"
}

# ---------------------------------------------------------------- the measures, per JDK
for jdk in $JDKS; do
  java=$(java_of "$jdk")
  [[ -x "$java" ]] || { log "no JDK $jdk here; skipped"; continue; }
  JDK_VERSIONS+="${JDK_VERSIONS:+; }$("$java" -version 2>&1 | head -1)"
  # shellcheck disable=SC2086 # HEAP is a list of options
  start_fresh "jdk$jdk" "$java" $HEAP
  sign_up "$LOG"
  seed_list

  log "JDK $jdk: warming up the list for ${WARMUP}s"
  wrk -t2 -c"$BUSY" -d"${WARMUP}s" -H "Authorization: Token $TOKEN" "$BASE/api/all_files/" >/dev/null
  start_sampler "$OUT/samples-jdk$jdk-connections.txt"
  drops_before=$(listen_drops)
  read -r rps1 p501 p991 all1 err1 < <(list_run "jdk$jdk-alone")
  slow1=$((all1 - err1))

  log "JDK $jdk: opening $IDLE idle connections"
  rm -f "$WORK/idle-ready"
  python3 bench/connections.py idle 127.0.0.1 "$PORT" "$TOKEN" "$IDLE" "$KEEPALIVE_EVERY" \
    "$WORK/idle-ready" "$OUT/idle-jdk$jdk.json" 2>"$OUT/idle-jdk$jdk.log" &
  IDLE_PID=$!
  for _ in $(seq 1 1200); do
    [[ -f "$WORK/idle-ready" ]] && break
    kill -0 "$IDLE_PID" 2>/dev/null || { log "the idle client exited; see $OUT/idle-jdk$jdk.log"; exit 1; }
    sleep 0.1
  done
  log "JDK $jdk: $(cat "$WORK/idle-ready") idle connections open; wrk again while they are silent"
  kill -USR1 "$IDLE_PID"
  for _ in $(seq 1 100); do
    [[ -f "$WORK/idle-ready.quiet" ]] && break
    sleep 0.1
  done
  read -r rps2 p502 p992 all2 err2 < <(list_run "jdk$jdk-with-idle")
  slow2=$((all2 - err2))
  # the idle connections stay past a keep-alive timeout after wrk: none may be dropped
  sleep $((KEEPALIVE_EVERY + 10 - DURATION > 0 ? KEEPALIVE_EVERY + 10 - DURATION : 0))
  established=$(ss -Htn state established "( sport = :$PORT )" | wc -l)
  kill -TERM "$IDLE_PID"
  wait "$IDLE_PID" || true
  IDLE_PID=
  stop_sampler
  drops=$(($(listen_drops) - drops_before))
  idle_json="$OUT/idle-jdk$jdk.json"
  opened=$(json_num "$idle_json" opened)
  lost=$(json_num "$idle_json" "refused + reset + other_errors + not_200")
  open_end=$(json_num "$idle_json" open_at_end)
  open_s=$(json_num "$idle_json" open_seconds)
  rss_peak=$(peak "$OUT/samples-jdk$jdk-connections.txt" 1)
  thr_peak=$(peak "$OUT/samples-jdk$jdk-connections.txt" 2)

  row "JDK $jdk: list, $BUSY conn, alone → beside $IDLE idle" "req/s" "$rps2" "alone $rps1" "$(ratio "$rps2" "$rps1")" "≥ 0.9: $(meets "$(ratio "$rps2" "$rps1")" ">=" 0.9)"
  row "JDK $jdk: list, p50 / p99 beside $IDLE idle" "ms" "$p502 / $p992" "alone $p501 / $p991" "$(ratio "$p992" "$p991")" "p99 < 20: $(meets "$p992" "<" 20)"
  row "JDK $jdk: idle connections opened (in ${open_s}s), still open after $((KEEPALIVE_EVERY + 10))s" "count" "$opened; $open_end" "$IDLE" "" "all: $(meets "$open_end" "==" "$IDLE")"
  row "JDK $jdk: refused, reset or failed (idle client; wrk; accept queue drops)" "count" "$lost; $((err1 + err2)); $drops" "" "" "0: $(meets $((lost + err1 + err2 + drops)) "==" 0)"
  row "JDK $jdk: wrk requests over 2 s or not 2xx (alone; beside idle)" "count" "$slow1; $slow2" "" "" ""
  row "JDK $jdk: server RSS peak, OS threads peak ($HEAP)" "MiB; threads" "$rss_peak; $thr_peak" "" "" "RSS < 512: $(meets "$rss_peak" "<" 512)"
  log "JDK $jdk: established connections on the server port before closing: $established"
  stop_server

  # ---------------------------------------------------------------- slow uploads
  # shellcheck disable=SC2086 # UPLOAD_HEAP is a list of options
  start_fresh "jdk$jdk-uploads" "$java" $UPLOAD_HEAP
  sign_up "$LOG"
  seed_list
  log "JDK $jdk: $UPLOADS slow uploads at once"
  sleep 3
  rss_idle=$(rss_mb)
  thr_idle=$(threads)
  start_sampler "$OUT/samples-jdk$jdk-uploads.txt"
  up_started=$(date +%s)
  python3 bench/connections.py uploads 127.0.0.1 "$PORT" "$TOKEN" "$UPLOADS" $((UPLOAD_KB * 1024)) \
    "$CHUNK" "$CHUNK_MS" "$OUT/uploads-jdk$jdk.json" 2>"$OUT/uploads-jdk$jdk.log"
  up_seconds=$(($(date +%s) - up_started))
  stop_sampler
  up_json="$OUT/uploads-jdk$jdk.json"
  ok=$(json_num "$up_json" ok)
  bad=$(json_num "$up_json" "wrong_sha256 + errors + sum(v for k, v in statuses.items() if k != '201')")
  durations=$(json_num "$up_json" "'%s / %s / %s' % (durations['min'], durations['p50'], durations['max'])")
  rss_peak=$(peak "$OUT/samples-jdk$jdk-uploads.txt" 1)
  thr_peak=$(peak "$OUT/samples-jdk$jdk-uploads.txt" 2)
  row "JDK $jdk: $UPLOADS uploads of $UPLOAD_KB KiB at $((CHUNK * 1000 / CHUNK_MS / 1024)) KiB/s each, 201 with the right SHA-256" "count" "$ok" "$UPLOADS" "" "all, no error: $(meets $((UPLOADS - ok + bad)) "==" 0)"
  row "JDK $jdk: upload time min / p50 / max (all done in ${up_seconds}s)" "s" "$durations" "" "" ""
  row "JDK $jdk: server RSS idle → peak during the uploads ($UPLOAD_HEAP)" "MiB" "$rss_idle → $rss_peak" "" "+$((rss_peak - rss_idle))" "bounded (reported)"
  row "JDK $jdk: server OS threads idle → peak during the uploads" "threads" "$thr_idle → $thr_peak" "" "" ""
  stop_server
done

# ---------------------------------------------------------------- table
print_table "Run $STAMP on $(nproc) cores, load average $LOAD_START at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end; ${JDK_VERSIONS:-no JDK}; server $HEAP (uploads: $UPLOAD_HEAP); wrk -t2 -c$BUSY ${DURATION}s after ${WARMUP}s; $IDLE idle connections (a request every ${KEEPALIVE_EVERY}s each); $UPLOADS uploads of $UPLOAD_KB KiB, $CHUNK bytes every $CHUNK_MS ms."
