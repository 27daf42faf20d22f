# Helpers shared by the benchmark scripts (sourced, not run). A script sets WORK (its temporary
# directory), OUT (its results), PORT and BASE, JAVA and JAR before it calls them; the server's
# process id is in SERVER_PID, the signed-in user's header in AUTH.

log() { printf '[bench] %s\n' "$*" >&2; }

# A PDF of about $2 bytes that the server accepts: one page, and a stream of random bytes that
# nothing refers to, with a correct cross-reference table; with $3 "none", without one (no xref,
# trailer or startxref: PDFBox then reads it by a full scan).
make_pdf() {
  local out=$1 total=$2 kind=${3:-xref} o1 o2 o3 o4 xref pad
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
  if [[ $kind == none ]]; then
    printf '%%%%EOF\n' >>"$out"
    return
  fi
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

# Waits (at most $1 seconds, 30 by default) until the server is idle: under 5 % of a core over
# half a second, so that what an upload starts in the background (the document's previews and
# text) does not fall on the next measure.
settle() {
  local deadline=$((SECONDS + ${1:-30})) before after
  while ((SECONDS < deadline)); do
    before=$(awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat")
    sleep 0.5
    after=$(awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat")
    # clock ticks are 1/100 s: 5 % of a core over 0.5 s is 2.5 ticks
    ((after - before < 3)) && return 0
  done
  log "the server was still busy after ${1:-30} s"
}

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

# a resumable upload in one PATCH, timed from the creation to the answer; prints the file's JSON,
# then "bytes seconds" as curl -w does
tus_upload() { # file
  local f=$1 size loc start end answer
  size=$(stat -c %s "$f")
  start=$(date +%s.%N)
  loc=$(curl -fsi -X POST "$BASE/api/uploads/" -H "$AUTH" -H 'Tus-Resumable: 1.0.0' \
    -H "Upload-Length: $size" -H "Upload-Metadata: filename $(printf up.pdf | base64 -w0)" |
    tr -d '\r' | sed -n 's/^Location: //p')
  answer=$(curl -fs -X PATCH "${BASE}${loc#"$BASE"}" -H "$AUTH" -H 'Tus-Resumable: 1.0.0' \
    -H 'Upload-Offset: 0' -H 'Content-Type: application/offset+octet-stream' \
    -H 'Accept: application/json' -T "$f")
  end=$(date +%s.%N)
  printf '%s\n%s %s\n' "$answer" "$size" "$(awk -v s="$start" -v e="$end" 'BEGIN { print e - s }')"
}

ROWS=()
row() {
  ROWS+=("| $1 | $2 | $3 | $4 | $5 | $6 |")
  printf '%s\n' "| $1 | $2 | $3 | $4 | $5 | $6 |" >>"$OUT/rows.md"
  log "$1: $3 ${4:+($4, ratio $5)} $6"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
meets() { awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN { ok = (op == ">=") ? v >= t : (op == "==") ? v == t : v < t; print ok ? "yes" : "**no**" }'; }

# The table of ROWS, under a line that says what the run was, printed and kept in $OUT/table.md.
print_table() { # the line
  {
    echo "$1"
    echo
    echo "| measure | unit | ours | reference | ratio | target |"
    echo "|---|---|---|---|---|---|"
    printf '%s\n' "${ROWS[@]}"
  } | tee "$OUT/table.md"
  log "results in $OUT"
}

java_of() { # 25 | 17 → the java binary
  case $1 in
    25) echo /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ;;
    17) ls /usr/lib/jvm/java-17-openjdk-amd64/bin/java /usr/lib/jvm/temurin-17-jdk-amd64/bin/java 2>/dev/null | head -1 || true ;;
  esac
}

# Builds the server's jar unless BENCH_SKIP_BUILD=1; JAR names it (BENCH_JAR: another one).
build_jar() {
  if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
    log "building the jar"
    ./mvnw -pl server -q -B -ntp -DskipTests -Dspotless.check.skip=true package
  fi
  JAR=${BENCH_JAR:-$(ls server/target/fileshare-*.jar | grep -v original | head -1)}
}

# prints "req/s p50 p99 errors failures": errors are every request that failed, timed out (wrk's
# 2 s) or got an answer other than 2xx/3xx; failures only those whose connection failed (connect,
# read or write errors)
wrk_run() { # connections, label, wrk args...
  local c=$1 label=$2
  shift 2
  wrk -t2 -c"$c" -d"${DURATION}s" --latency "$@" >"$OUT/wrk-$label.txt"
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    /Non-2xx or 3xx/ { errors += $NF }
    /Socket errors/ { gsub(/,/, ""); failures += $4 + $6 + $8; errors += $4 + $6 + $8 + $10 }
    END { printf "%.0f %.2f %.2f %d %d\n", rps, p50, p99, errors, failures }' "$OUT/wrk-$label.txt"
}

# Registers the user "bench", confirms the address from the server's log (no SMTP: mail is written
# there) and signs in: TOKEN and AUTH are set. $1: the server's log.
sign_up() {
  PASSWORD="violet kettles hum beneath 9 lanterns"
  curl -fs -X POST "$BASE/api/user/register/" -H 'Content-Type: application/json' \
    -d "{\"username\":\"bench\",\"password\":\"$PASSWORD\",\"email\":\"bench@example.org\"}" >/dev/null
  VERIFY=
  for _ in $(seq 1 100); do
    VERIFY=$(grep -o 'verify-email/[0-9a-f]*' "$1" | head -1 | cut -d/ -f2 || true)
    [[ -n "$VERIFY" ]] && break
    sleep 0.2
  done
  curl -fs -X POST "$BASE/api/verify-email/$VERIFY/" >/dev/null
  TOKEN=$(curl -fs -X POST "$BASE/api/user/login/" -H 'Content-Type: application/json' \
    -d "{\"username\":\"bench\",\"password\":\"$PASSWORD\"}" | json_field token)
  AUTH="Authorization: Token $TOKEN"
}

# 50 files of 20 KB for the list, "list-1.pdf"… (the small PDF is made in $WORK/files).
seed_list() {
  mkdir -p "$WORK/files"
  [[ -f "$WORK/files/small.pdf" ]] || make_pdf "$WORK/files/small.pdf" 20000
  for i in $(seq 1 50); do
    curl -fs -X POST "$BASE/api/files/?name=list-$i.pdf" -H "$AUTH" -H 'Content-Type: application/pdf' \
      --data-binary @"$WORK/files/small.pdf" >/dev/null
  done
}

# nginx, the peer, on NGINX_PORT (NGINX: its binary), with its files under $WORK/nginx: static
# files from www/ (sendfile on) and WebDAV PUT under /dav/, which writes the body to a file with no
# hash and no fsync. NGINX_PID is its master process.
start_nginx() {
  mkdir -p "$WORK/nginx/www" "$WORK/nginx/dav"
  cat >"$WORK/nginx/nginx.conf" <<EOF
  user root;
  worker_processes 1;
  pid $WORK/nginx/nginx.pid;
  error_log $WORK/nginx/error.log;
  events { worker_connections 1024; }
  http {
    sendfile on;
    tcp_nopush on;
    access_log off;
    client_body_temp_path $WORK/nginx/body;
    proxy_temp_path $WORK/nginx/proxy;
    fastcgi_temp_path $WORK/nginx/fastcgi;
    uwsgi_temp_path $WORK/nginx/uwsgi;
    scgi_temp_path $WORK/nginx/scgi;
    include /etc/nginx/mime.types;
    keepalive_requests 1000;
    server {
      listen 127.0.0.1:$NGINX_PORT;
      root $WORK/nginx/www;
      location = /all_files.json { default_type application/json; }
      # the uploads' peer: WebDAV PUT writes the body to a file (no hash, no fsync)
      location /dav/ {
        root $WORK/nginx;
        dav_methods PUT DELETE;
        create_full_put_path on;
        client_max_body_size 0;
        client_body_buffer_size 1m;
      }
    }
  }
EOF
  "$NGINX" -e "$WORK/nginx/error.log" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' &
  NGINX_PID=$!
  sleep 1
}
