#!/usr/bin/env bash
# Backs up a running fileshare server, restores the backup elsewhere and checks it: every file row
# has its blob with the recorded SHA-256, and a server started on the restored copy lets the owner
# download every file intact, with its visibility, while the deleted one stays deleted.
#
#   deploy/backup-restore-check.sh            # SQLite + local blobs, then PostgreSQL + local blobs
#   deploy/backup-restore-check.sh sqlite     # SQLite: sqlite3 .backup, and a copy of the blobs
#   deploy/backup-restore-check.sh postgres   # PostgreSQL: pg_dump -Fc / pg_restore (needs root)
#   KEEP=1 deploy/backup-restore-check.sh     # keep the work directory afterwards
#
# Loopback only; everything it starts is stopped at the end. Prints PASS or FAIL.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/fileshare-backup.XXXXXX)
chmod 755 "$WORK"
source "$ROOT/deploy/common.sh"
trap cleanup_started EXIT

if (($#)); then MODES=("$@"); else MODES=(sqlite postgres); fi
PASSWORD="violet kettles hum beneath 9 lanterns"

command -v java >/dev/null || fail "Java 17 or later is needed"
command -v sqlite3 >/dev/null || { log "installing sqlite3"; install_quietly sqlite3; }
build_jar "$ROOT"

# Starts a server on data directory $1 (and database URL $2, if any); sets NODE_PID and BASE.
start_node() {
  local dir=$1 url=${2:-} port
  port=$(free_port)
  BASE="http://127.0.0.1:$port"
  local database=()
  [[ -n $url ]] && database=(--spring.datasource.url="$url" --spring.datasource.username=postgres
    --spring.datasource.password=unused)
  java -Xmx384m -jar "$JAR" --server.address=127.0.0.1 --server.port="$port" \
    --fileshare.data-dir="$dir" --fileshare.public-url="$BASE" "${database[@]}" \
    >>"$dir.log" 2>&1 &
  NODE_PID=$!
  PIDS+=("$NODE_PID")
  await_ok "$BASE/actuator/health" 120 || fail "the server did not start, see $dir.log"
}

upload() {
  local name=$1 visibility=$2 status
  make_pdf "$name" >"$WORK/$name"
  status=$(call -X POST "$BASE/api/files/" -H "$AUTH" -F "visibility=$visibility" \
    -F "pdf=@$WORK/$name;type=application/pdf")
  [[ $status == 201 ]] || fail "upload of $name answered $status: $(cat "$WORK/body")"
  sed 's/^{"id":\([0-9]*\).*/\1/' "$WORK/body"
}

# The rows of the restored database: "store blob_key sha256" per line.
rows_sqlite() { sqlite3 -separator ' ' "$1/fileshare.db" "SELECT store, blob_key, sha256 FROM files"; }
rows_postgres() { pg psql -d "$1" -At -F ' ' -c "SELECT store, blob_key, sha256 FROM files"; }

# Every row's blob is in the restored blob directory $2 with the SHA-256 the row records.
check_blobs() {
  local rows=$1 blobs=$2 store key sha checked=0
  while read -r store key sha; do
    [[ $store == local ]] || fail "row with blob $key is in the $store store, not on local disk"
    local path="$blobs/${key:0:2}/${key:2:2}/$key"
    [[ -f $path ]] || fail "blob $key of a restored row is missing"
    [[ $(sha256_of "$path") == "$sha" ]] || fail "blob $key does not have its SHA-256 $sha"
    checked=$((checked + 1))
  done <"$rows"
  log "every restored row's blob is there with its SHA-256 ($checked files)"
}

# Signs in on the restored server and downloads every file that should be there.
check_through_api() {
  local name=$1 status
  sign_in "$BASE" "$name" "$PASSWORD"
  for id in "${!EXPECTED[@]}"; do
    status=$(curl -sS --max-time 60 -o "$WORK/download" -w '%{http_code}' "$BASE/api/download/$id/" -H "$AUTH")
    [[ $status == 200 ]] || fail "file $id answered $status after the restore"
    [[ $(sha256_of "$WORK/download") == "${EXPECTED[$id]}" ]] || fail "file $id changed in the restore"
  done
  status=$(call "$BASE/api/files/$PRIVATE/" -H "$AUTH")
  grep -q '"visibility":"private"' "$WORK/body" || fail "file $PRIVATE is no longer private"
  status=$(call "$BASE/api/files/$DELETED/" -H "$AUTH")
  [[ $status == 404 ]] || fail "the deleted file $DELETED came back ($status)"
  log "the restored server serves all ${#EXPECTED[@]} files intact; the deleted one stays deleted"
}

for mode in "${MODES[@]}"; do
  log "--- $mode ---"
  live="$WORK/$mode-live" backup="$WORK/$mode-backup" restored="$WORK/$mode-restored"
  mkdir -p "$live" "$backup" "$restored"
  url=""
  if [[ $mode == postgres ]]; then
    [[ $(id -u) == 0 ]] || fail "the postgres check runs PostgreSQL as the postgres user: run as root"
    [[ -n $PGBIN ]] || start_postgres
    pg createdb live && pg createdb restored
    url="jdbc:postgresql://127.0.0.1:$PG_PORT/live"
  elif [[ $mode != sqlite ]]; then
    fail "unknown mode $mode: sqlite or postgres"
  fi

  start_node "$live" "$url"
  user="keeper$RANDOM$RANDOM"
  sign_up "$BASE" "$user" "$PASSWORD" "$live.log"
  declare -A EXPECTED=()
  for i in 1 2 3 4 5; do
    id=$(upload "doc-$i.pdf" users)
    EXPECTED[$id]=$(sha256_of "$WORK/doc-$i.pdf")
  done
  PRIVATE=$(upload "private.pdf" private)
  EXPECTED[$PRIVATE]=$(sha256_of "$WORK/private.pdf")
  DELETED=$(upload "deleted.pdf" users)
  [[ $(call -X DELETE "$BASE/api/files/$DELETED/" -H "$AUTH") == 204 ]] || fail "delete failed"
  log "uploaded ${#EXPECTED[@]} files and deleted one"

  # The backup, taken while the server runs: the database first, then the blobs (blobs never
  # change once written, so every blob a backed-up row names is already there to be copied).
  if [[ $mode == sqlite ]]; then
    sqlite3 "$live/fileshare.db" ".backup '$backup/fileshare.db'"
  else
    pg pg_dump -d live -Fc >"$backup/fileshare.dump"
  fi
  cp -a "$live/blobs" "$backup/blobs"
  log "backed up the $mode database and the blobs while the server ran"
  stop_pids "$NODE_PID"

  # The restore, into a new place, and the checks.
  if [[ $mode == sqlite ]]; then
    cp "$backup/fileshare.db" "$restored/fileshare.db"
    [[ $(sqlite3 "$restored/fileshare.db" "PRAGMA integrity_check") == ok ]] \
      || fail "the restored SQLite database is damaged"
    rows_sqlite "$restored" >"$WORK/$mode-rows"
    url=""
  else
    pg pg_restore -d restored --no-owner <"$backup/fileshare.dump"
    rows_postgres restored >"$WORK/$mode-rows"
    url="jdbc:postgresql://127.0.0.1:$PG_PORT/restored"
  fi
  cp -a "$backup/blobs" "$restored/blobs"
  check_blobs "$WORK/$mode-rows" "$restored/blobs"
  start_node "$restored" "$url"
  check_through_api "$user"
  stop_pids "$NODE_PID"
  unset EXPECTED
done

RESULT=PASS
