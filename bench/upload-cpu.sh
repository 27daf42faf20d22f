#!/usr/bin/env bash
# Uploads, round after round, beside nginx's WebDAV PUT of the same file, with what each costs in
# CPU: one PUT to nginx (no hash, no fsync), then one raw and one multipart upload to the server
# (hashed and synced before the answer; which goes first alternates), each after a sync, the server
# idle again before each, every file deleted after its transfer. For each
# transfer: MiB/s, the machine's busy cores and iowait over it (/proc/stat), the receiver's user
# time (the server's JVM; nginx's worker), curl's CPU, and the rest of the machine's busy time
# (both receivers' kernel time: the copies into the page cache, the writeback).
# Usage: bench/upload-cpu.sh
# Settings (environment): BENCH_MB (400), BENCH_ROUNDS (6), BENCH_PORT (18030), BENCH_NGINX_PORT
# (18031), BENCH_HEAP ("-Xmx256m", the server's JVM options), BENCH_JAVA_HOME (the server's JDK;
# default JDK 25 when installed), BENCH_DIR (where data goes, /tmp), BENCH_SKIP_BUILD=1, BENCH_JAR.
# Results: printed, and kept in bench/results/<time>-upload-cpu/ (table.md, the server's log).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

MB=${BENCH_MB:-400}
ROUNDS=${BENCH_ROUNDS:-6}
PORT=${BENCH_PORT:-18030}
NGINX_PORT=${BENCH_NGINX_PORT:-18031}
HEAP=${BENCH_HEAP:-"-Xmx256m"}
BASE="http://127.0.0.1:$PORT"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT="$ROOT/bench/results/$STAMP-upload-cpu"
WORK=$(mktemp -d "${BENCH_DIR:-/tmp}/fileshare-bench.XXXXXX")
mkdir -p "$OUT" "$WORK/data" "$WORK/nginx/dav"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
SERVER_PID=
NGINX_PID=

cleanup() {
  for pid in $NGINX_PID $SERVER_PID; do
    kill "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[[ -x "$NGINX" ]] || { log "nginx is needed (apt-get install nginx-light)"; exit 1; }
if [[ -n "${BENCH_JAVA_HOME:-}" ]]; then
  JAVA="$BENCH_JAVA_HOME/bin/java"
elif [[ -x "$(java_of 25)" ]]; then
  JAVA=$(java_of 25)
else
  JAVA=$(command -v java)
fi
build_jar

start_nginx
NGINX_WORKER=$(pgrep -P "$NGINX_PID" | head -1)

# shellcheck disable=SC2086 # HEAP is a list of options
start_server upload-cpu $HEAP
sign_up "$OUT/server-upload-cpu.log"
make_pdf "$WORK/up.pdf" $((MB * 1048576))

# the machine's busy jiffies (all but idle and iowait), its iowait, and its total
machine() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $6, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat; }
user_ticks() { awk '{ print $14 }' "/proc/$1/stat"; }

# one transfer: "MiB/s busy-cores iowait-cores receiver-user-s curl-s rest-s"
measure() { # receiver's pid, curl arguments...
  local pid=$1 b0 w0 t0 b1 w1 t1 u0 u1 start end cu cs
  shift
  cat "$WORK/up.pdf" >/dev/null
  sync
  sleep 1
  read -r b0 w0 t0 < <(machine)
  u0=$(user_ticks "$pid")
  start=$(date +%s.%N)
  /usr/bin/time -f "%U %S" -o "$WORK/curl.time" curl -fs "$@"
  end=$(date +%s.%N)
  read -r b1 w1 t1 < <(machine)
  u1=$(user_ticks "$pid")
  read -r cu cs <"$WORK/curl.time"
  awk -v s="$start" -v e="$end" -v mb="$MB" -v b=$((b1 - b0)) -v w=$((w1 - w0)) -v u=$((u1 - u0)) \
    -v c="$cu" -v k="$cs" 'BEGIN { d = e - s; printf "%.0f %.2f %.2f %.2f %.2f %.2f\n", mb / d, b / 100 / d, w / 100 / d, u / 100, c + k, b / 100 - u / 100 - c - k }'
}

# one upload to the server, then the file deleted for good, so that every transfer finds the
# memory as the one before left it (nginx's file is deleted too): kept files take page cache that
# the next transfer must then find elsewhere, and an order fixed from round to round would favour
# whichever kind came first
upload() { # kind
  local kind=$1 args id
  if [[ $kind == raw ]]; then
    args=(-X POST "$BASE/api/files?name=up.pdf" -H "$AUTH" -H 'Content-Type: application/pdf' -T "$WORK/up.pdf")
  else
    args=(-X POST "$BASE/api/files/" -H "$AUTH" -F "pdf=@$WORK/up.pdf;type=application/pdf")
  fi
  read -r rate busy wait user curl_s rest < <(measure "$SERVER_PID" -o "$WORK/answer.json" "${args[@]}")
  row "round $round: ours, $kind upload $MB MiB" "MiB/s; busy / iowait cores; user, curl, rest CPU s" \
    "$rate; $busy / $wait; $user, $curl_s, $rest" "" "" ""
  id=$(json_field id <"$WORK/answer.json")
  curl -fs -o /dev/null -X DELETE "$BASE/api/files/$id/" -H "$AUTH"
  curl -fs -o /dev/null -X DELETE "$BASE/api/trash/$id/" -H "$AUTH"
  settle 60
}

for round in $(seq 1 "$ROUNDS"); do
  read -r rate busy wait user curl_s rest < <(measure "$NGINX_WORKER" -o /dev/null -T "$WORK/up.pdf" "http://127.0.0.1:$NGINX_PORT/dav/up.pdf")
  rm -f "$WORK/nginx/dav/up.pdf"
  row "round $round: nginx PUT $MB MiB" "MiB/s; busy / iowait cores; user, curl, rest CPU s" \
    "$rate; $busy / $wait; $user, $curl_s, $rest" "" "" ""
  # raw first in odd rounds, multipart first in even ones
  if ((round % 2)); then
    upload raw
    upload multipart
  else
    upload multipart
    upload raw
  fi
done

print_table "Run $STAMP on $(nproc) cores, load average $LOAD_START at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end; $("$JAVA" -version 2>&1 | head -1), server $HEAP; $ROUNDS rounds of one $MB MiB PUT to nginx, then one raw and one multipart upload of the same file to the server (which first alternates), each deleted after it."
