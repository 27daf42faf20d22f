# Helpers shared by the scripts in deploy/ (sourced, not run). Everything listens on 127.0.0.1
# only; every wait is bounded. A script sets WORK (its temporary directory) before it sources this,
# calls cleanup_started from its EXIT trap, and sets RESULT=PASS when all went well.

PIDS=()
PGBIN=""
RESULT=FAIL

log() { printf '%s  %s\n' "$(date +%H:%M:%S)" "$*"; }

fail() {
  log "FAILED: $*"
  exit 1
}

# Stops what the script started: its processes (politely, then not), and PostgreSQL clusters
# under $WORK. Removes $WORK after a PASS unless KEEP is set.
cleanup_started() {
  set +e
  [[ -f $WORK/nginx/nginx.pid ]] && kill "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null
  stop_pids "${PIDS[@]}"
  if [[ -n $PGBIN ]]; then
    for data in "$WORK"/pg/data*; do
      [[ -f $data/postmaster.pid ]] \
        && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$data" -m fast -w -t 30 stop >/dev/null
    done
  fi
  if [[ $RESULT == PASS && -z ${KEEP:-} ]]; then
    rm -rf "$WORK"
  else
    echo "Logs are in $WORK"
  fi
  echo "$RESULT"
}

# Stops processes: TERM, up to 20 seconds, then KILL.
stop_pids() {
  local pid
  for pid in "$@"; do kill "$pid" 2>/dev/null || true; done
  for pid in "$@"; do
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  done
  return 0
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

# Builds the jar (tests skipped) and sets JAR.
build_jar() {
  local root=$1
  log "building the jar"
  (cd "$root" && ./mvnw -pl server -q -DskipTests -Dspotless.check.skip=true package) >"$WORK/build.log" 2>&1 \
    || fail "the build failed, see $WORK/build.log"
  JAR=$(ls "$root"/server/target/fileshare-*.jar | grep -v -- '-plain' | head -1)
}

# Starts a throwaway PostgreSQL cluster under $WORK/pg as the postgres user, with the durability
# settings production needs, on 127.0.0.1; sets PGBIN and PG_PORT. Installs postgresql if missing.
start_postgres() {
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null \
    || { log "installing postgresql"; install_quietly postgresql; }
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  PG_PORT=$(free_port)
  log "PostgreSQL: a throwaway cluster on 127.0.0.1:$PG_PORT"
  mkdir -p "$WORK/pg" && chown postgres "$WORK/pg"
  runuser -u postgres -- "$PGBIN/initdb" -D "$WORK/pg/data" -U postgres --auth=trust -E UTF8 \
    >"$WORK/pg/initdb.log" 2>&1 || fail "initdb failed, see $WORK/pg/initdb.log"
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -c unix_socket_directories=$WORK/pg" \
    -o "-c fsync=on -c synchronous_commit=on -c full_page_writes=on" start >/dev/null \
    || fail "PostgreSQL did not start, see $WORK/pg/server.log"
}

# Runs a PostgreSQL client program (createdb, psql, pg_dump, pg_restore) against that cluster.
pg() {
  local program=$1
  shift
  runuser -u postgres -- "$PGBIN/$program" -h 127.0.0.1 -p "$PG_PORT" "$@"
}

# A small PDF whose bytes differ for every $1.
make_pdf() {
  local content="0 0 m 200 200 l S % $1 $(date +%s%N)"
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

# One HTTP call; the status is printed, the body is in $WORK/body, the headers in $WORK/headers.
call() { curl -sS --max-time 60 -D "$WORK/headers" -o "$WORK/body" -w '%{http_code}' "$@"; }

# Registers $2 (password $3) at base URL $1, confirms the address with the link that the server
# wrote to one of the logs $4..., signs in, and sets AUTH to the Authorization header.
sign_up() {
  local base=$1 username=$2 password=$3 status token=""
  shift 3
  status=$(call -X POST "$base/api/user/register/" -H 'Content-Type: application/json' \
    -d "{\"username\": \"$username\", \"password\": \"$password\", \"email\": \"$username@example.org\"}")
  [[ $status == 200 ]] || fail "register answered $status: $(cat "$WORK/body")"
  log "registered $username$(served_by)"
  for _ in $(seq 1 60); do
    token=$(grep -ho "$base/verify-email/[0-9a-f]*" "$@" | head -1 | sed 's|.*/||' || true)
    [[ -n $token ]] && break
    sleep 0.5
  done
  [[ -n $token ]] || fail "no verification link in $*"
  status=$(call -X POST "$base/api/verify-email/$token/")
  [[ $status == 200 ]] || fail "verification answered $status: $(cat "$WORK/body")"
  log "verified with the link from the log$(served_by)"
  sign_in "$base" "$username" "$password"
}

sign_in() {
  local base=$1 username=$2 password=$3 status
  status=$(call -X POST "$base/api/user/login/" -H 'Content-Type: application/json' \
    -d "{\"username\": \"$username\", \"password\": \"$password\"}")
  [[ $status == 200 ]] || fail "sign-in answered $status: $(cat "$WORK/body")"
  AUTH="Authorization: Token $(sed 's/.*"token":"\([0-9a-f]*\)".*/\1/' "$WORK/body")"
  log "signed in as $username$(served_by)"
}

# " (served by ...)" when a load balancer said which node answered the last call.
served_by() {
  local node
  node=$(grep -i '^x-served-by:' "$WORK/headers" 2>/dev/null | tr -d '\r' | cut -d' ' -f2 || true)
  [[ -n $node ]] && printf ' (served by %s)' "$node"
  return 0
}

sha256_of() { sha256sum "$1" | cut -d' ' -f1; }
