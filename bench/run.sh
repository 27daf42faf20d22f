#!/usr/bin/env bash
# Benchmark of fileshare beside peers doing the same job on this machine, over loopback: nginx
# serving the list's very JSON bytes as a static file (requests, also with a CPU hog on one core),
# nginx with sendfile (downloads), nginx's WebDAV PUT and dd conv=fsync (uploads).
# Usage: bench/run.sh            the sizes of the performance targets (200 MiB, 1 GiB, 5 GiB)
#        BENCH_QUICK=1 bench/run.sh   small sizes and short runs, to try the script
# Settings (environment): BENCH_SIZES_MB ("200 1024"), BENCH_ROUNDTRIP_MB (5120; 0 for no round
# trip), BENCH_DURATION (wrk seconds per run, 10), BENCH_WARMUP (wrk seconds before step 1, 30: the
# JIT needs about 25 s of full load to compile the list's path), BENCH_RUNS (transfers per measure,
# best kept, 3), BENCH_PORT (18000),
# BENCH_NGINX_PORT (18001), BENCH_DIR (where data goes, /tmp), BENCH_JFR=1 (a JFR recording of each
# step, with its hot methods, in the results folder), BENCH_SKIP_BUILD=1, BENCH_AREAS (the other
# areas run after these steps, each a script of its own: "connections startup tail files" by default), BENCH_JAVA_HOME (the
# server's JDK; default JDK 25 when installed, else the default JDK), BENCH_HOG=0 (no CPU hog step),
# BENCH_PIECE_MB (8: the pieces of the cut resumable upload, as the web page sends them).
# Raw uploads use "/api/files?name=" without the slash: curl -T would append the file name.
# Results: printed, and kept in bench/results/<time>/ (table.md, server logs, RSS samples, JFR).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

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
PIECE_MB=${BENCH_PIECE_MB:-8}
BASE="http://127.0.0.1:$PORT"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT="$ROOT/bench/results/$STAMP"
WORK=$(mktemp -d "${BENCH_DIR:-/tmp}/fileshare-bench.XXXXXX")
mkdir -p "$OUT"
SERVER_PID=
NGINX_PID=
SAMPLER_PID=
HOG_PID=

cleanup() {
  for pid in $HOG_PID $SAMPLER_PID $NGINX_PID $SERVER_PID; do
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
command -v stress-ng >/dev/null || need_packages+=(stress-ng)
if ((${#need_packages[@]})); then
  log "installing ${need_packages[*]} from Debian"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_packages[@]}" >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

if [[ -n "${BENCH_JAVA_HOME:-}" ]]; then
  JAVA_HOME=$BENCH_JAVA_HOME
elif [[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
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
build_jar

# ---------------------------------------------------------------- helpers

# ---------------------------------------------------------------- data
log "making test files in $WORK"
mkdir -p "$WORK/files" "$WORK/data"
for mb in $SIZES_MB; do make_pdf "$WORK/files/f$mb.pdf" $((mb * 1048576)); done

start_server main -Xms256m -Xmx256m

# ---------------------------------------------------------------- account
sign_up "$OUT/server-main.log"
seed_list

# ---------------------------------------------------------------- nginx, the peer
mkdir -p "$WORK/nginx/www"
for mb in $SIZES_MB; do ln "$WORK/files/f$mb.pdf" "$WORK/nginx/www/f$mb.pdf"; done
start_nginx


# ---------------------------------------------------------------- 1. requests
log "step 1: list and login with wrk"
cat >"$WORK/login.lua" <<EOF
wrk.method = "POST"
wrk.body = '{"username":"bench","password":"$PASSWORD"}'
wrk.headers["Content-Type"] = "application/json"
EOF
wrk -t2 -c64 -d"${WARMUP}s" -H "$AUTH" "$BASE/api/all_files/" >/dev/null # warm up
jfr_start step1-list
# the peer: nginx serving the very bytes of the list as a static file, with the same wrk settings
curl -fs -H "$AUTH" "$BASE/api/all_files/" -o "$WORK/nginx/www/all_files.json"
STATIC="http://127.0.0.1:$NGINX_PORT/all_files.json"
wrk -t2 -c64 -d5s "$STATIC" >/dev/null
for c in 32 64; do
  read -r rps p50 p99 errors _ < <(wrk_run "$c" "list-$c" -H "$AUTH" "$BASE/api/all_files/")
  read -r nrps np50 np99 _ _ < <(wrk_run "$c" "static-$c" -H "$AUTH" "$STATIC")
  r=$(ratio "$rps" "$nrps")
  if ((c == 64)); then
    row "1. GET /api/all_files/ (50 files), 64 conn" "req/s" "$rps" "nginx $nrps" "$r" "≥ 0.2: $(meets "$r" ">=" 0.2)"
    row "1. GET /api/all_files/, 64 conn" "p50 / p99 ms; errors" "$p50 / $p99; $errors" "nginx $np50 / $np99" "" "p99 < 20: $(meets "$p99" "<" 20)"
  else
    row "1. GET /api/all_files/ (50 files), 32 conn" "req/s; p50 / p99 ms" "$rps; $p50 / $p99" "nginx $nrps; $np50 / $np99" "$r" ""
  fi
done
jfr_stop step1-list

# the same with a CPU hog on one of the cores: the tail must hold (p99 < 100 ms, no error)
if [[ "${BENCH_HOG:-1}" == 1 ]]; then
  log "step 1b: the list with a CPU hog on one core"
  stress-ng --cpu 1 --cpu-method int64 --quiet &
  HOG_PID=$!
  sleep 2
  jfr_start step1b-hog
  read -r rps p50 p99 errors _ < <(wrk_run 64 list-hog -H "$AUTH" "$BASE/api/all_files/")
  read -r lrps lp50 lp99 lerrors _ < <(wrk_run 64 liveness-hog -H "$AUTH" "$BASE/actuator/health/liveness")
  read -r nrps np50 np99 _ _ < <(wrk_run 64 static-hog "$STATIC")
  jfr_stop step1b-hog
  kill "$HOG_PID" 2>/dev/null || true
  wait "$HOG_PID" 2>/dev/null || true
  HOG_PID=
  r=$(ratio "$rps" "$nrps")
  row "1b. GET /api/all_files/, 64 conn, CPU hog" "req/s; p50 / p99 ms; errors" "$rps; $p50 / $p99; $errors" "nginx $nrps; $np50 / $np99" "$r" "p99 < 100: $(meets "$p99" "<" 100); errors: $([[ $errors == 0 ]] && echo none || echo "**$errors**")"
  row "1b. GET /actuator/health/liveness, 64 conn, CPU hog" "req/s; p50 / p99 ms; errors" "$lrps; $lp50 / $lp99; $lerrors" "" "" "p99 < 100: $(meets "$lp99" "<" 100)"
fi
read -r rps p50 p99 _ _ < <(wrk_run 32 login -s "$WORK/login.lua" "$BASE/api/user/login/")
row "1. POST /api/user/login/, 32 conn" "req/s; p50 / p99 ms" "$rps; $p50 / $p99" "" "" "(Argon2id, 19 MiB)"

# ---------------------------------------------------------------- 2. downloads
log "step 2: downloads against nginx (sendfile on)"
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
  # nginx's WebDAV PUT: receives the same file into a file of its own, with no hash and no fsync
  nginx_rate=0
  for _ in $(seq 1 "$RUNS"); do
    cat "$f" >/dev/null
    rate=$(rate_of curl -fs -o /dev/null -w '%{size_upload} %{time_total}\n' -T "$f" \
      "http://127.0.0.1:$NGINX_PORT/dav/up.pdf")
    nginx_rate=$(max "$nginx_rate" "$rate")
    rm -f "$WORK/nginx/dav/up.pdf"
  done
  # the kinds in turn within each round, each once the server is idle again: what runs in the
  # background after an upload (the document's previews and text) would otherwise fall on the next
  declare -A best=([multipart]=0 [raw]=0 [resumable]=0 [pieces]=0)
  for _ in $(seq 1 "$RUNS"); do
    for kind in multipart raw resumable pieces; do
      cat "$f" >/dev/null
      settle
      if [[ $kind == multipart ]]; then
        answer=$(curl -fs -w '\n%{size_upload} %{time_total}\n' -X POST "$BASE/api/files/" -H "$AUTH" \
          -F "pdf=@$f;type=application/pdf")
      elif [[ $kind == raw ]]; then
        answer=$(curl -fs -w '\n%{size_upload} %{time_total}\n' -X POST "$BASE/api/files?name=up.pdf" \
          -H "$AUTH" -H 'Content-Type: application/pdf' -T "$f")
      elif [[ $kind == resumable ]]; then
        answer=$(tus_upload "$f")
      else
        answer=$(python3 bench/tus_pieces.py "$BASE" "$AUTH" "$f" "$PIECE_MB")
      fi
      id=$(head -1 <<<"$answer" | json_field id)
      rate=$(tail -1 <<<"$answer" | awk '{ printf "%.1f", $1 / $2 / 1048576 }')
      best[$kind]=$(max "${best[$kind]}" "$rate")
      curl -fs -X DELETE "$BASE/api/files/$id/" -H "$AUTH" >/dev/null
    done
  done
  for kind in multipart raw resumable pieces; do
    r=$(ratio "${best[$kind]}" "$nginx_rate")
    label=$kind
    if [[ $kind == pieces ]]; then label="resumable in $PIECE_MB MiB pieces"; fi
    row "3. upload $mb MiB, $label" "MiB/s" "${best[$kind]}" "nginx PUT $nginx_rate; dd $dd_rate" "$r; $(ratio "${best[$kind]}" "$dd_rate")" "≥ 0.7 × nginx: $(meets "$r" ">=" 0.7)"
  done
  unset best
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

# ---------------------------------------------------------------- table
print_table "Run $STAMP on $(nproc) cores; $JDK_VERSION; sizes $SIZES_MB MiB, round trip $ROUNDTRIP_MB MiB; best of $RUNS transfers, wrk ${DURATION}s."

# ---------------------------------------------------------------- the other areas
# Each prints its own table and keeps its results in bench/results/<area>-<time>/. BENCH_AREAS
# names those to run (all by default; "" for none); BENCH_QUICK=1 makes each short.
AREAS=${BENCH_AREAS-"connections startup tail files"}
for area in $AREAS; do
  log "area: $area"
  if [[ "${BENCH_QUICK:-0}" == 1 ]]; then
    case $area in
      tail) BENCH_SKIP_BUILD=1 BENCH_WARMUP=5 BENCH_DURATION=4 bench/tail.sh ;;
      files) BENCH_SKIP_BUILD=1 BENCH_FILES=20000 BENCH_REQUESTS=100 BENCH_WARMUP=5 bench/files.sh ;;
      startup) BENCH_SKIP_BUILD=1 BENCH_STARTS=2 bench/startup.sh ;;
      *) BENCH_SKIP_BUILD=1 "bench/$area.sh" ;;
    esac
  else
    BENCH_SKIP_BUILD=1 "bench/$area.sh"
  fi || log "bench/$area.sh failed"
done
