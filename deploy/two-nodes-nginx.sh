#!/usr/bin/env bash
# Two fileshare nodes behind nginx, on this machine's loopback only, sharing one PostgreSQL database
# and one S3 bucket (S3Proxy, in memory). Drives a person's walk through nginx — register, the
# verification link from the log, sign in, upload, list, download (SHA-256 compared), sign out —
# prints PASS or FAIL, and stops everything it started.
#
#   sudo deploy/two-nodes-nginx.sh          # Debian; installs nginx and postgresql if missing
#   KEEP=1 deploy/two-nodes-nginx.sh        # keep the work directory (logs) afterwards
#
# Needs root (to install packages and to run PostgreSQL as the postgres user), Java 17+, curl.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/fileshare-two-nodes.XXXXXX)
chmod 755 "$WORK"
PIDS=()
PGBIN=""
RESULT=FAIL

log() { printf '%s  %s\n' "$(date +%H:%M:%S)" "$*"; }

cleanup() {
  set +e
  [[ -f $WORK/nginx/nginx.pid ]] && kill "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null
  done
  if [[ -n $PGBIN && -f $WORK/pg/data/postmaster.pid ]]; then
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pg/data" -m fast -w -t 30 stop >/dev/null
  fi
  if [[ $RESULT == PASS && -z ${KEEP:-} ]]; then
    rm -rf "$WORK"
  else
    echo "Logs are in $WORK"
  fi
  echo "$RESULT"
}
trap cleanup EXIT

fail() {
  log "FAILED: $*"
  exit 1
}

# A TCP port nothing listens on, on 127.0.0.1.
free_port() {
  local port
  while true; do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
}

# Waits until a URL answers 200, at most $2 seconds.
await_ok() {
  local url=$1 seconds=$2
  for _ in $(seq 1 $((seconds * 2))); do
    [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url") == 200 ]] && return 0
    sleep 0.5
  done
  return 1
}

# Installs Debian packages without starting their services (no default nginx on port 80, no
# default PostgreSQL cluster running).
install_quietly() {
  local policy=/usr/sbin/policy-rc.d added=""
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && added=1
  fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  [[ -n $added ]] && rm -f "$policy"
  return 0
}

[[ $(id -u) == 0 ]] || fail "run as root (packages, and PostgreSQL as the postgres user)"
command -v java >/dev/null || fail "Java 17 or later is needed"
[[ -x /usr/sbin/nginx ]] || { log "installing nginx"; install_quietly nginx; }
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || { log "installing postgresql"; install_quietly postgresql; }
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

log "building the jar"
(cd "$ROOT" && ./mvnw -q -DskipTests -Dspotless.check.skip=true package) >"$WORK/build.log" 2>&1 \
  || fail "the build failed, see $WORK/build.log"
JAR=$(ls "$ROOT"/target/fileshare-*.jar | grep -v -- '-plain' | head -1)

PG_PORT=$(free_port)
log "PostgreSQL: a throwaway cluster on 127.0.0.1:$PG_PORT"
mkdir -p "$WORK/pg" && chown postgres "$WORK/pg"
runuser -u postgres -- "$PGBIN/initdb" -D "$WORK/pg/data" -U postgres --auth=trust -E UTF8 \
  >"$WORK/pg/initdb.log" 2>&1 || fail "initdb failed, see $WORK/pg/initdb.log"
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -c unix_socket_directories=$WORK/pg" \
  -o "-c fsync=on -c synchronous_commit=on -c full_page_writes=on" start >/dev/null \
  || fail "PostgreSQL did not start, see $WORK/pg/server.log"
runuser -u postgres -- "$PGBIN/createdb" -h 127.0.0.1 -p "$PG_PORT" fileshare

STORAGE=()
S3_PORT=$(free_port)
if (cd "$ROOT" && ./mvnw -q dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile="$WORK/s3proxy.classpath") >"$WORK/classpath.log" 2>&1; then
  log "S3: S3Proxy (in memory) on 127.0.0.1:$S3_PORT"
  cat >"$WORK/s3proxy.conf" <<EOF
s3proxy.endpoint=http://127.0.0.1:$S3_PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=fileshare
s3proxy.credential=fileshare-secret
jclouds.provider=transient
jclouds.identity=fileshare
jclouds.credential=fileshare-secret
EOF
  java -Xmx256m -cp "$(cat "$WORK/s3proxy.classpath")" org.gaul.s3proxy.Main \
    --properties "$WORK/s3proxy.conf" >"$WORK/s3proxy.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 60); do
    curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$S3_PORT/" && break
    sleep 0.5
  done
  curl -sf --max-time 10 -X PUT --aws-sigv4 "aws:amz:us-east-1:s3" \
    -H "x-amz-content-sha256: $(printf '' | sha256sum | cut -d' ' -f1)" \
    --user fileshare:fileshare-secret "http://127.0.0.1:$S3_PORT/fileshare" >/dev/null \
    || fail "could not create the bucket, see $WORK/s3proxy.log"
  STORAGE=(--fileshare.storage.type=s3 --fileshare.storage.s3.endpoint="http://127.0.0.1:$S3_PORT"
    --fileshare.storage.s3.bucket=fileshare --fileshare.storage.s3.path-style=true
    --fileshare.storage.s3.access-key=fileshare --fileshare.storage.s3.secret-key=fileshare-secret)
else
  log "S3Proxy is not available (see $WORK/classpath.log): the nodes share a local blob directory"
  STORAGE=(--fileshare.storage.type=local --fileshare.storage.local.root="$WORK/shared-blobs")
fi

NGINX_PORT=$(free_port)
BASE="http://127.0.0.1:$NGINX_PORT"
NODE_PORTS=()
for n in 1 2; do
  port=$(free_port)
  NODE_PORTS+=("$port")
  log "node $n on 127.0.0.1:$port"
  java -Xmx384m -jar "$JAR" \
    --server.address=127.0.0.1 --server.port="$port" \
    --server.forward-headers-strategy=native \
    --fileshare.data-dir="$WORK/node$n" --fileshare.public-url="$BASE" \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/fileshare" \
    --spring.datasource.username=postgres --spring.datasource.password=unused \
    "${STORAGE[@]}" >"$WORK/node$n.log" 2>&1 &
  PIDS+=($!)
done
for n in 1 2; do
  await_ok "http://127.0.0.1:${NODE_PORTS[$((n - 1))]}/actuator/health" 120 \
    || fail "node $n did not become healthy, see $WORK/node$n.log"
done

log "nginx on 127.0.0.1:$NGINX_PORT in front of both"
mkdir -p "$WORK/nginx/tmp"
chmod 1777 "$WORK/nginx/tmp"
cat >"$WORK/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 256; }
http {
  access_log $WORK/nginx/access.log;
  client_body_temp_path $WORK/nginx/tmp/body;
  proxy_temp_path $WORK/nginx/tmp/proxy;
  fastcgi_temp_path $WORK/nginx/tmp/fastcgi;
  uwsgi_temp_path $WORK/nginx/tmp/uwsgi;
  scgi_temp_path $WORK/nginx/tmp/scgi;
  upstream fileshare {
    server 127.0.0.1:${NODE_PORTS[0]} max_fails=1 fail_timeout=10s;
    server 127.0.0.1:${NODE_PORTS[1]} max_fails=1 fail_timeout=10s;
    keepalive 16;
  }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    client_max_body_size 1g;
    location / {
      proxy_pass http://fileshare;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_request_buffering off;
      proxy_buffering off;
      proxy_connect_timeout 5s;
      proxy_send_timeout 300s;
      proxy_read_timeout 300s;
      add_header X-Served-By \$upstream_addr always;
    }
  }
}
EOF
/usr/sbin/nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" || fail "nginx did not start"
await_ok "$BASE/actuator/health" 20 || fail "nginx does not reach the nodes"

# --- the walk, through nginx only ---
USERNAME="walker$RANDOM$RANDOM"
PASSWORD="violet kettles hum beneath 9 lanterns"
served() { grep -i '^x-served-by:' "$WORK/headers" | tr -d '\r' | cut -d' ' -f2; }
call() { curl -sS --max-time 60 -D "$WORK/headers" -o "$WORK/body" -w '%{http_code}' "$@"; }

status=$(call -X POST "$BASE/api/user/register/" -H 'Content-Type: application/json' \
  -d "{\"username\": \"$USERNAME\", \"password\": \"$PASSWORD\", \"email\": \"$USERNAME@example.org\"}")
[[ $status == 200 ]] || fail "register answered $status: $(cat "$WORK/body")"
log "registered $USERNAME (served by $(served))"

TOKEN=""
for _ in $(seq 1 60); do
  TOKEN=$(grep -ho "$BASE/verify-email/[0-9a-f]*" "$WORK"/node1.log "$WORK"/node2.log \
    | head -1 | sed 's|.*/||' || true)
  [[ -n $TOKEN ]] && break
  sleep 0.5
done
[[ -n $TOKEN ]] || fail "no verification link in the nodes' logs"
status=$(call -X POST "$BASE/api/verify-email/$TOKEN/")
[[ $status == 200 ]] || fail "verification answered $status: $(cat "$WORK/body")"
log "verified with the link from the log (served by $(served))"

status=$(call -X POST "$BASE/api/user/login/" -H 'Content-Type: application/json' \
  -d "{\"username\": \"$USERNAME\", \"password\": \"$PASSWORD\"}")
[[ $status == 200 ]] || fail "sign-in answered $status: $(cat "$WORK/body")"
AUTH="Authorization: Token $(sed 's/.*"token":"\([0-9a-f]*\)".*/\1/' "$WORK/body")"
log "signed in (served by $(served))"

# A small PDF that differs on every run.
make_pdf() {
  local content="0 0 m 200 200 l S % $USERNAME $(date +%s%N)"
  local -a objects=(
    "<< /Type /Catalog /Pages 2 0 R >>"
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>"
    "<< /Length ${#content} >>
stream
$content
endstream")
  local pdf=$'%PDF-1.4\n' offsets=() i
  for i in "${!objects[@]}"; do
    offsets+=("${#pdf}")
    pdf+="$((i + 1)) 0 obj"$'\n'"${objects[$i]}"$'\n'"endobj"$'\n'
  done
  local xref=${#pdf}
  pdf+="xref"$'\n'"0 5"$'\n'"0000000000 65535 f "$'\n'
  for i in "${offsets[@]}"; do pdf+=$(printf '%010d 00000 n ' "$i")$'\n'; done
  pdf+="trailer"$'\n'"<< /Size 5 /Root 1 0 R >>"$'\n'"startxref"$'\n'"$xref"$'\n'"%%EOF"$'\n'
  printf '%s' "$pdf"
}
make_pdf >"$WORK/upload.pdf"
EXPECTED=$(sha256sum "$WORK/upload.pdf" | cut -d' ' -f1)

status=$(call -X POST "$BASE/api/files/" -H "$AUTH" -F "pdf=@$WORK/upload.pdf;type=application/pdf")
[[ $status == 201 ]] || fail "upload answered $status: $(cat "$WORK/body")"
ID=$(sed 's/^{"id":\([0-9]*\).*/\1/' "$WORK/body")
log "uploaded file $ID, SHA-256 $EXPECTED (served by $(served))"

declare -A SERVERS=()
for _ in 1 2; do
  status=$(call "$BASE/api/files/?owner=me" -H "$AUTH")
  [[ $status == 200 ]] && grep -q "\"id\":$ID," "$WORK/body" || fail "file $ID is not listed: $status"
  log "listed file $ID (served by $(served))"
  SERVERS[$(served)]=1
  status=$(curl -sS --max-time 60 -D "$WORK/headers" -o "$WORK/download.pdf" -w '%{http_code}' \
    "$BASE/api/download/$ID/" -H "$AUTH")
  [[ $status == 200 ]] || fail "download answered $status"
  ACTUAL=$(sha256sum "$WORK/download.pdf" | cut -d' ' -f1)
  [[ $ACTUAL == "$EXPECTED" ]] || fail "downloaded SHA-256 $ACTUAL, expected $EXPECTED"
  log "downloaded file $ID, SHA-256 equal (served by $(served))"
  SERVERS[$(served)]=1
done
[[ ${#SERVERS[@]} == 2 ]] || fail "only ${!SERVERS[*]} served the requests, not both nodes"

status=$(call -X POST "$BASE/api/user/logout/" -H "$AUTH")
[[ $status == 200 ]] || fail "sign-out answered $status"
log "signed out (served by $(served))"
for _ in 1 2; do
  status=$(call "$BASE/api/user/me/" -H "$AUTH")
  [[ $status == 401 ]] || fail "the token still works after sign-out: $status"
  log "the old token is refused (served by $(served))"
done

RESULT=PASS
