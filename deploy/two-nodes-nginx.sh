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
source "$ROOT/deploy/common.sh"
trap cleanup_started EXIT

[[ $(id -u) == 0 ]] || fail "run as root (packages, and PostgreSQL as the postgres user)"
command -v java >/dev/null || fail "Java 17 or later is needed"
[[ -x /usr/sbin/nginx ]] || { log "installing nginx"; install_quietly nginx; }
build_jar "$ROOT"
start_postgres
pg createdb fileshare

STORAGE=()
S3_PORT=$(free_port)
if (cd "$ROOT" && ./mvnw -pl server -q dependency:build-classpath -Dmdep.includeScope=test \
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
sign_up "$BASE" "$USERNAME" "violet kettles hum beneath 9 lanterns" "$WORK"/node1.log "$WORK"/node2.log
served() { served_by | sed 's/.*by \(.*\))/\1/'; }

make_pdf "$USERNAME" >"$WORK/upload.pdf"
EXPECTED=$(sha256_of "$WORK/upload.pdf")

status=$(call -X POST "$BASE/api/files/" -H "$AUTH" -F "pdf=@$WORK/upload.pdf;type=application/pdf")
[[ $status == 201 ]] || fail "upload answered $status: $(cat "$WORK/body")"
ID=$(sed 's/^{"id":\([0-9]*\).*/\1/' "$WORK/body")
log "uploaded file $ID, SHA-256 $EXPECTED$(served_by)"

declare -A SERVERS=()
for _ in 1 2; do
  status=$(call "$BASE/api/files/?owner=me" -H "$AUTH")
  [[ $status == 200 ]] && grep -q "\"id\":$ID," "$WORK/body" || fail "file $ID is not listed: $status"
  log "listed file $ID$(served_by)"
  SERVERS[$(served)]=1
  status=$(curl -sS --max-time 60 -D "$WORK/headers" -o "$WORK/download.pdf" -w '%{http_code}' \
    "$BASE/api/download/$ID/" -H "$AUTH")
  [[ $status == 200 ]] || fail "download answered $status"
  ACTUAL=$(sha256_of "$WORK/download.pdf")
  [[ $ACTUAL == "$EXPECTED" ]] || fail "downloaded SHA-256 $ACTUAL, expected $EXPECTED"
  log "downloaded file $ID, SHA-256 equal$(served_by)"
  SERVERS[$(served)]=1
done
[[ ${#SERVERS[@]} == 2 ]] || fail "only ${!SERVERS[*]} served the requests, not both nodes"

status=$(call -X POST "$BASE/api/user/logout/" -H "$AUTH")
[[ $status == 200 ]] || fail "sign-out answered $status"
log "signed out$(served_by)"
for _ in 1 2; do
  status=$(call "$BASE/api/user/me/" -H "$AUTH")
  [[ $status == 401 ]] || fail "the token still works after sign-out: $status"
  log "the old token is refused$(served_by)"
done

RESULT=PASS
