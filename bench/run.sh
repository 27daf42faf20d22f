#!/usr/bin/env bash
# Benchmark of fileshare against nginx (downloads) and dd (uploads) on this machine, over loopback.
# Usage: bench/run.sh            the sizes of the performance targets (200 MiB, 1 GiB, 5 GiB)
#        BENCH_QUICK=1 bench/run.sh   small sizes and short runs, to try the script
# Settings (environment): BENCH_SIZES_MB ("200 1024"), BENCH_ROUNDTRIP_MB (5120; 0 for no round
# trip), BENCH_DURATION (wrk seconds per run, 10), BENCH_WARMUP (wrk seconds before step 1, 30: the
# JIT needs about 25 s of full load to compile the list's path), BENCH_RUNS (transfers per measure,
# best kept, 3), BENCH_PORT (18000),
# BENCH_NGINX_PORT (18001), BENCH_DIR (where data goes, /tmp), BENCH_JFR=1 (a JFR recording of each
# step, with its hot methods, in the results folder), BENCH_SKIP_BUILD=1.
# Then bench/connections.sh (5,000 idle connections, 500 slow uploads) and bench/startup.sh
# (time to ready, CDS and AOT cache) with their own tables; BENCH_CONNECTIONS=0, BENCH_STARTUP=0
# skip them.
# Raw uploads use "/api/files?name=" without the slash: curl -T would append the file name.
# Results: printed, and kept in bench/results/<time>/ (table.md, server logs, RSS samples, JFR).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

if [[ "${BENCH_QUICK:-0}" == 1 ]]; then
  SIZES_MB=${BENCH_SIZES_MB:-"20 100"}
  ROUNDTRIP_MB=${BENCH_ROUNDTRIP_MB:-300}
  DURATION=${BENCH_DURATION:-4}
  WARMUP=${BENCH_WARMUP:-5}
  RUNS=${BENCH_RUNS:-2}
else
  SIZES_MB=${BENCH_SIZES_MB:-"200 1024"}
  ROUNDTRIP_MB=${BENCH_ROUNDTRIP_MB:-5120}
  DURATION=${BENCH_DURATION:-10}
  WARMUP=${BENCH_WARMUP:-30}
  RUNS=${BENCH_RUNS:-3}
fi
PORT=${BENCH_PORT:-18000}
NGINX_PORT=${BENCH_NGINX_PORT:-18001}
BASE="http://127.0.0.1:$PORT"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT="$ROOT/bench/results/$STAMP"
WORK=$(mktemp -d "${BENCH_DIR:-/tmp}/fileshare-bench.XXXXXX")
mkdir -p "$OUT"
SERVER_PID=
NGINX_PID=
SAMPLER_PID=

log() { printf '[bench] %s\n' "$*" >&2; }

cleanup() {
  for pid in $SAMPLER_PID $NGINX_PID $SERVER_PID; do
    kill "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# ---------------------------------------------------------------- tools
need_packages=()
command -v wrk >/dev/null || need_packages+=(wrk)
command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || need_packages+=(nginx-light)
command -v curl >/dev/null || need_packages+=(curl)
if ((${#need_packages[@]})); then
  log "installing ${need_packages[*]} from Debian"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_packages[@]}" >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

if [[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
  JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JCMD=${JAVA_HOME:+$JAVA_HOME/bin/}jcmd
JFR=${JAVA_HOME:+$JAVA_HOME/bin/}jfr
JDK_VERSION=$("$JAVA" -version 2>&1 | head -1)
log "JDK: $JDK_VERSION"

# ---------------------------------------------------------------- disk
largest=$(tr ' ' '\n' <<<"$SIZES_MB" | sort -n | tail -1)
need_mb=$((ROUNDTRIP_MB * 2 + largest * 6 + 1024))
free_mb=$(df -Pm "$WORK" | awk 'NR==2 {print $4}')
if ((free_mb < need_mb)); then
  log "only $free_mb MiB free in $WORK, $need_mb needed: the round trip shrinks"
  ROUNDTRIP_MB=$(((free_mb - largest * 6 - 1024) / 2))
  ((ROUNDTRIP_MB > 0)) || { log "not enough disk"; exit 1; }
fi

# ---------------------------------------------------------------- build
if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  log "building the jar"
  ./mvnw -pl server -q -B -ntp -DskipTests -Dspotless.check.skip=true package
fi
JAR=$(ls server/target/fileshare-*.jar | grep -v original | head -1)

# ---------------------------------------------------------------- helpers
# A PDF of about $2 bytes that the server accepts: one page, and a stream of random bytes that
# nothing refers to, with a correct cross-reference table.
make_pdf() {
  local out=$1 total=$2 o1 o2 o3 o4 xref pad
  printf '%%PDF-1.4\n' >"$out"
  o1=$(stat -c %s "$out")
  printf '1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n' >>"$out"
  o2=$(stat -c %s "$out")
  printf '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n' >>"$out"
  o3=$(stat -c %s "$out")
  printf '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>\nendobj\n' >>"$out"
  o4=$(stat -c %s "$out")
  pad=$((total - o4 - 300))
  ((pad > 0)) || pad=1
  printf '4 0 obj\n<< /Length %d >>\nstream\n' "$pad" >>"$out"
  head -c "$pad" /dev/urandom >>"$out"
  printf '\nendstream\nendobj\n' >>"$out"
  xref=$(stat -c %s "$out")
  printf 'xref\n0 5\n0000000000 65535 f \n%010d 00000 n \n%010d 00000 n \n%010d 00000 n \n%010d 00000 n \ntrailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' \
    "$o1" "$o2" "$o3" "$o4" "$xref" >>"$out"
}

start_server() { # name, extra JVM options...
  local name=$1
  shift
  log "starting the server ($name)"
  FILESHARE_DATA_DIR="$WORK/data" SERVER_PORT=$PORT FILESHARE_PUBLIC_URL="$BASE" \
    FILESHARE_RATE_LIMIT_ENABLED=false FILESHARE_MAX_UPLOAD_SIZE=16GB \
    FILESHARE_MAIL_POLL_INTERVAL=200ms \
    "$JAVA" "$@" -jar "$JAR" >"$OUT/server-$name.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 240); do
    curl -fs "$BASE/actuator/health" >/dev/null 2>&1 && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || { log "the server exited; see $OUT/server-$name.log"; exit 1; }
    sleep 0.5
  done
  log "the server did not start"
  exit 1
}

stop_server() {
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=
}

rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }

start_sampler() { # file
  (while kill -0 "$SERVER_PID" 2>/dev/null; do rss_kb "$SERVER_PID" || true; sleep 0.2; done) >"$1" &
  SAMPLER_PID=$!
}

stop_sampler() {
  kill "$SAMPLER_PID" 2>/dev/null || true
  wait "$SAMPLER_PID" 2>/dev/null || true
  SAMPLER_PID=
}

max_of() { sort -n "$1" | tail -1; }

jfr_start() { [[ "${BENCH_JFR:-0}" == 1 ]] && "$JCMD" "$SERVER_PID" JFR.start name="$1" settings=profile >/dev/null || true; }

jfr_stop() {
  if [[ "${BENCH_JFR:-0}" == 1 ]]; then
    "$JCMD" "$SERVER_PID" JFR.stop name="$1" filename="$OUT/$1.jfr" >/dev/null
    "$JFR" view --width 200 hot-methods "$OUT/$1.jfr" >"$OUT/$1-hot-methods.txt" 2>&1 || true
    "$JFR" view --width 200 allocation-by-site "$OUT/$1.jfr" >"$OUT/$1-allocations.txt" 2>&1 || true
  fi
}

# MiB/s of one run of a curl command that prints "bytes seconds"
rate_of() { "$@" | awk '{ if ($2 > 0) printf "%.1f", $1 / $2 / 1048576; else print 0 }'; }
max() { awk -v a="$1" -v b="$2" 'BEGIN { print (b > a) ? b : a }'; }

json_field() { sed -n "s/.*\"$1\":\"\{0,1\}\([^\",}]*\).*/\1/p" | head -1; }

ROWS=()
row() {
  ROWS+=("| $1 | $2 | $3 | $4 | $5 | $6 |")
  printf '%s\n' "| $1 | $2 | $3 | $4 | $5 | $6 |" >>"$OUT/rows.md"
  log "$1: $3 ${4:+($4, ratio $5)} $6"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
meets() { awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN { ok = (op == ">=") ? v >= t : v < t; print ok ? "yes" : "**no**" }'; }

# ---------------------------------------------------------------- data
log "making test files in $WORK"
mkdir -p "$WORK/files" "$WORK/data"
make_pdf "$WORK/files/small.pdf" 20000
for mb in $SIZES_MB; do make_pdf "$WORK/files/f$mb.pdf" $((mb * 1048576)); done

start_server main -Xms256m -Xmx256m

# ---------------------------------------------------------------- account
PASSWORD="violet kettles hum beneath 9 lanterns"
curl -fs -X POST "$BASE/api/user/register/" -H 'Content-Type: application/json' \
  -d "{\"username\":\"bench\",\"password\":\"$PASSWORD\",\"email\":\"bench@example.org\"}" >/dev/null
VERIFY=
for _ in $(seq 1 100); do
  VERIFY=$(grep -o 'verify-email/[0-9a-f]*' "$OUT/server-main.log" | head -1 | cut -d/ -f2 || true)
  [[ -n "$VERIFY" ]] && break
  sleep 0.2
done
curl -fs -X POST "$BASE/api/verify-email/$VERIFY/" >/dev/null
TOKEN=$(curl -fs -X POST "$BASE/api/user/login/" -H 'Content-Type: application/json' \
  -d "{\"username\":\"bench\",\"password\":\"$PASSWORD\"}" | json_field token)
AUTH="Authorization: Token $TOKEN"

for i in $(seq 1 50); do
  curl -fs -X POST "$BASE/api/files/?name=list-$i.pdf" -H "$AUTH" -H 'Content-Type: application/pdf' \
    --data-binary @"$WORK/files/small.pdf" >/dev/null
done

# ---------------------------------------------------------------- 1. requests
log "step 1: list and login with wrk"
cat >"$WORK/login.lua" <<EOF
wrk.method = "POST"
wrk.body = '{"username":"bench","password":"$PASSWORD"}'
wrk.headers["Content-Type"] = "application/json"
EOF
wrk_run() { # connections, label, wrk args...
  local c=$1 label=$2
  shift 2
  wrk -t2 -c"$c" -d"${DURATION}s" --latency "$@" >"$OUT/wrk-$label.txt"
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    END { printf "%.0f %.2f %.2f\n", rps, p50, p99 }' "$OUT/wrk-$label.txt"
}
wrk -t2 -c64 -d"${WARMUP}s" -H "$AUTH" "$BASE/api/all_files/" >/dev/null # warm up
jfr_start step1-list
for c in 32 64; do
  read -r rps p50 p99 < <(wrk_run "$c" "list-$c" -H "$AUTH" "$BASE/api/all_files/")
  if ((c == 64)); then
    row "1. GET /api/all_files/ (50 files), 64 conn" "req/s" "$rps" "" "" "≥ 8000: $(meets "$rps" ">=" 8000)"
    row "1. GET /api/all_files/, 64 conn" "p50 / p99 ms" "$p50 / $p99" "" "" "p99 < 20: $(meets "$p99" "<" 20)"
  else
    row "1. GET /api/all_files/ (50 files), 32 conn" "req/s; p50 / p99 ms" "$rps; $p50 / $p99" "" "" ""
  fi
done
jfr_stop step1-list
read -r rps p50 p99 < <(wrk_run 32 login -s "$WORK/login.lua" "$BASE/api/user/login/")
row "1. POST /api/user/login/, 32 conn" "req/s; p50 / p99 ms" "$rps; $p50 / $p99" "" "" "(Argon2id, 19 MiB)"

# ---------------------------------------------------------------- 2. downloads
log "step 2: downloads against nginx (sendfile on)"
mkdir -p "$WORK/nginx/www"
for mb in $SIZES_MB; do ln "$WORK/files/f$mb.pdf" "$WORK/nginx/www/f$mb.pdf"; done
cat >"$WORK/nginx/nginx.conf" <<EOF
user root;
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 256; }
http {
  sendfile on;
  tcp_nopush on;
  access_log off;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  server { listen 127.0.0.1:$NGINX_PORT; root $WORK/nginx/www; }
}
EOF
"$NGINX" -e "$WORK/nginx/error.log" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' &
NGINX_PID=$!
sleep 1

BASELINE_KB=$(rss_kb "$SERVER_PID")
start_sampler "$OUT/rss-main.txt"
declare -A FILE_ID
for mb in $SIZES_MB; do
  FILE_ID[$mb]=$(curl -fs -X POST "$BASE/api/files?name=f$mb.pdf" -H "$AUTH" \
    -H 'Content-Type: application/pdf' -T "$WORK/files/f$mb.pdf" | json_field id)
done
jfr_start step2-download
for mb in $SIZES_MB; do
  cat "$WORK/files/f$mb.pdf" >/dev/null
  # ours and nginx take turns, so that both meet the same states of the machine's caches;
  # a download takes a fraction of a second, so each gets twice as many tries as an upload
  ours=0
  theirs=0
  for _ in $(seq 1 $((RUNS * 2))); do
    ours=$(max "$ours" "$(rate_of curl -fs -o /dev/null -w '%{size_download} %{time_total}\n' \
      -H "$AUTH" "$BASE/api/download/${FILE_ID[$mb]}/")")
    theirs=$(max "$theirs" "$(rate_of curl -fs -o /dev/null \
      -w '%{size_download} %{time_total}\n' "http://127.0.0.1:$NGINX_PORT/f$mb.pdf")")
  done
  r=$(ratio "$ours" "$theirs")
  row "2. download $mb MiB" "MiB/s" "$ours" "nginx $theirs" "$r" "≥ 0.8: $(meets "$r" ">=" 0.8)"
done
jfr_stop step2-download

# ---------------------------------------------------------------- 3. uploads
log "step 3: uploads against dd conv=fsync"
jfr_start step3-upload
for mb in $SIZES_MB; do
  f="$WORK/files/f$mb.pdf"
  dd_rate=0
  for _ in $(seq 1 "$RUNS"); do
    cat "$f" >/dev/null
    start=$(date +%s.%N)
    dd if="$f" of="$WORK/data/dd.out" bs=1M conv=fsync status=none
    end=$(date +%s.%N)
    rate=$(awk -v s="$start" -v e="$end" -v b="$(stat -c %s "$f")" 'BEGIN { printf "%.1f", b / (e - s) / 1048576 }')
    dd_rate=$(awk -v a="$dd_rate" -v b="$rate" 'BEGIN { print (b > a) ? b : a }')
    rm -f "$WORK/data/dd.out"
  done
  for kind in multipart raw; do
    best=0
    for _ in $(seq 1 "$RUNS"); do
      cat "$f" >/dev/null
      if [[ $kind == multipart ]]; then
        answer=$(curl -fs -w '\n%{size_upload} %{time_total}\n' -X POST "$BASE/api/files/" -H "$AUTH" \
          -F "pdf=@$f;type=application/pdf")
      else
        answer=$(curl -fs -w '\n%{size_upload} %{time_total}\n' -X POST "$BASE/api/files?name=up.pdf" \
          -H "$AUTH" -H 'Content-Type: application/pdf' -T "$f")
      fi
      id=$(head -1 <<<"$answer" | json_field id)
      rate=$(tail -1 <<<"$answer" | awk '{ printf "%.1f", $1 / $2 / 1048576 }')
      best=$(awk -v a="$best" -v b="$rate" 'BEGIN { print (b > a) ? b : a }')
      curl -fs -X DELETE "$BASE/api/files/$id/" -H "$AUTH" >/dev/null
    done
    r=$(ratio "$best" "$dd_rate")
    row "3. upload $mb MiB, $kind" "MiB/s" "$best" "dd $dd_rate" "$r" "≥ 0.9: $(meets "$r" ">=" 0.9)"
  done
done
jfr_stop step3-upload
stop_sampler
PEAK_KB=$(max_of "$OUT/rss-main.txt")
growth=$(((PEAK_KB - BASELINE_KB) / 1024))
row "4. RSS during 2 and 3 (-Xmx256m)" "MiB" "$((BASELINE_KB / 1024)) → $((PEAK_KB / 1024))" "" "+$growth" "growth < 64: $(meets "$growth" "<" 64)"
stop_server

# ---------------------------------------------------------------- 4. round trip
if ((ROUNDTRIP_MB > 0)); then
log "step 4: $ROUNDTRIP_MB MiB round trip with -Xmx128m"
rm -f "$WORK"/files/f*.pdf "$WORK"/nginx/www/*
make_pdf "$WORK/files/big.pdf" $((ROUNDTRIP_MB * 1048576))
expected=$(sha256sum "$WORK/files/big.pdf" | cut -d' ' -f1)
start_server roundtrip -Xmx128m
BASELINE_KB=$(rss_kb "$SERVER_PID")
start_sampler "$OUT/rss-roundtrip.txt"
answer=$(curl -fs -w '\n%{size_upload} %{time_total}\n' -X POST "$BASE/api/files?name=big.pdf" \
  -H "$AUTH" -H 'Content-Type: application/pdf' -T "$WORK/files/big.pdf")
rm -f "$WORK/files/big.pdf"
id=$(head -1 <<<"$answer" | json_field id)
stored=$(head -1 <<<"$answer" | json_field sha256)
up=$(tail -1 <<<"$answer" | awk '{ printf "%.1f", $1 / $2 / 1048576 }')
start=$(date +%s.%N)
got=$(curl -fs -H "$AUTH" "$BASE/api/download/$id/" | sha256sum | cut -d' ' -f1)
end=$(date +%s.%N)
down=$(awk -v s="$start" -v e="$end" -v b=$((ROUNDTRIP_MB * 1048576)) 'BEGIN { printf "%.1f", b / (e - s) / 1048576 }')
stop_sampler
PEAK_KB=$(max_of "$OUT/rss-roundtrip.txt")
growth=$(((PEAK_KB - BASELINE_KB) / 1024))
same=$([[ "$got" == "$expected" && "$stored" == "$expected" ]] && echo "yes" || echo "**no**")
row "4. $ROUNDTRIP_MB MiB round trip, -Xmx128m" "up / down MiB/s" "$up / $down" "" "" "SHA-256 equal: $same"
row "4. RSS during the round trip" "MiB" "$((BASELINE_KB / 1024)) → $((PEAK_KB / 1024))" "" "+$growth" "growth < 64: $(meets "$growth" "<" 64)"
stop_server
fi

# ---------------------------------------------------------------- many connections, start-up
# Their own tables, after this one's steps (BENCH_CONNECTIONS=0, BENCH_STARTUP=0 skip them).
for extra in connections startup; do
  skip_var="BENCH_${extra^^}"
  [[ "${!skip_var:-1}" == 0 ]] && continue
  BENCH_SKIP_BUILD=1 "bench/$extra.sh" | tee "$OUT/$extra.md" || log "bench/$extra.sh failed"
done

# ---------------------------------------------------------------- table
{
  echo "Run $STAMP on $(nproc) cores; $JDK_VERSION; sizes $SIZES_MB MiB, round trip $ROUNDTRIP_MB MiB; best of $RUNS transfers, wrk ${DURATION}s."
  echo
  echo "| measure | unit | ours | reference | ratio | target |"
  echo "|---|---|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
} | tee "$OUT/table.md"
log "results in $OUT"
