#!/usr/bin/env bash
# A full disk: the data directory and the SQLite database on a tmpfs of $SIZE (64 MiB), the server
# jar on it, uploads in a loop until the disk is full. Checks that what does not fit is refused with
# a 507 problem saying the server's storage is full (never another 5xx); that downloads, the list
# and the database (an integrity check, then writes) go on; that a resumable upload keeps the
# offset it had acknowledged; that nothing half-written stays (no temporary file, no blob without
# a row); and that after files are deleted for good, uploads go through again. Prints a table.
#
#   deploy/disk-full.sh                 # needs root (mount -t tmpfs)
#   SIZE=32m KEEP=1 deploy/disk-full.sh
#
# Loopback only; everything it starts is stopped and the tmpfs unmounted at the end.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/fileshare-disk-full.XXXXXX)
source "$ROOT/deploy/common.sh"
DISK=$WORK/disk
SIZE=${SIZE:-64m}
PASSWORD="violet kettles hum beneath 9 lanterns"
unmount_then_cleanup() {
  set +e
  stop_pids "${PIDS[@]}"
  PIDS=()
  mountpoint -q "$DISK" && { umount "$DISK" || umount -l "$DISK"; }
  cleanup_started
}
trap unmount_then_cleanup EXIT

[[ $(id -u) == 0 ]] || fail "mounting a tmpfs needs root"
command -v sqlite3 >/dev/null || { log "installing sqlite3"; install_quietly sqlite3; }
build_jar "$ROOT"

mkdir -p "$DISK"
mount -t tmpfs -o "size=$SIZE" tmpfs "$DISK" || fail "mount -t tmpfs failed"
log "a tmpfs of $SIZE at $DISK holds the data directory and the SQLite database"
PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
FILESHARE_RATE_LIMIT_ENABLED=false java -Xmx384m -jar "$JAR" --server.address=127.0.0.1 \
  --server.port="$PORT" --fileshare.data-dir="$DISK" --fileshare.public-url="$BASE" \
  >"$WORK/server.log" 2>&1 &
PIDS+=($!)
await_ok "$BASE/actuator/health" 120 || fail "the server did not start, see $WORK/server.log"
sign_up "$BASE" alice "$PASSWORD" "$WORK/server.log"

# A one-page PDF of about $1 bytes, random text in a comment of its content stream.
big_pdf() {
  local content
  content="0 0 m 200 200 l S % $(head -c $(($1 * 3 / 4)) /dev/urandom | base64 -w0)"
  printf '%%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>\nendobj\n4 0 obj\n<< /Length %d >>\nstream\n%s\nendstream\nendobj\ntrailer\n<< /Size 5 /Root 1 0 R >>\n%%%%EOF\n' \
    "${#content}" "$content"
}

ACCEPTED=0 REFUSED=0 OTHER_5XX=0 OTHER=0
IDS=()
# Counts an upload's answer; a 507 must be the problem that says the server's storage is full.
count() {
  local status=$1
  case $status in
    201 | 200) ACCEPTED=$((ACCEPTED + 1)) ;;
    507)
      REFUSED=$((REFUSED + 1))
      grep -q '"error":"storage_full"' "$WORK/body" && grep -qi '^content-type: application/problem+json' "$WORK/headers" \
        || fail "a 507 that is not the storage-full problem: $(cat "$WORK/body")"
      ;;
    5*) OTHER_5XX=$((OTHER_5XX + 1)); log "answered $status: $(head -c 300 "$WORK/body")" ;;
    *) OTHER=$((OTHER + 1)); log "answered $status: $(head -c 300 "$WORK/body")" ;;
  esac
}
raw_upload() { call -X POST "$BASE/api/files/?name=$2" -H "$AUTH" -H 'Content-Type: application/pdf' --data-binary "@$1"; }
form_upload() { call -X POST "$BASE/api/files/" -H "$AUTH" -F "pdf=@$1;type=application/pdf"; }
tus() { call -H "$AUTH" -H 'Tus-Resumable: 1.0.0' "$@"; }
header() { grep -i "^$1:" "$WORK/headers" | tr -d '\r' | cut -d' ' -f2; }

# Bytes on the disk that no row names: temporary files, and blob files whose key no row holds.
half_written() {
  local keys=$WORK/keys total=0 file
  sqlite3 "$DISK/fileshare.db" "SELECT blob_key FROM files UNION SELECT blob_key FROM file_versions
    UNION SELECT blob_key FROM tus_pieces UNION SELECT blob_key FROM document_previews" | sort >"$keys"
  while read -r file; do
    grep -qxF "$(basename "$file")" "$keys" || total=$((total + $(stat -c %s "$file")))
  done < <(find "$DISK/blobs" -type f -not -path "$DISK/blobs/tmp/*")
  for file in "$DISK"/blobs/tmp/*; do [[ -f $file ]] && total=$((total + $(stat -c %s "$file"))); done
  echo "$total"
}

# Before the disk fills: a small file to download later, half of a resumable upload.
make_pdf kept >"$WORK/kept.pdf"
status=$(raw_upload "$WORK/kept.pdf" kept.pdf)
[[ $status == 201 ]] || fail "the first upload answered $status: $(cat "$WORK/body")"
KEPT=$(sed 's/^{"id":\([0-9]*\).*/\1/' "$WORK/body")
big_pdf 262144 >"$WORK/resumed.pdf"
LENGTH=$(stat -c %s "$WORK/resumed.pdf")
HALF=$((LENGTH / 2))
head -c "$HALF" "$WORK/resumed.pdf" >"$WORK/resumed.1"
tail -c +$((HALF + 1)) "$WORK/resumed.pdf" >"$WORK/resumed.2"
status=$(tus -X POST "$BASE/api/uploads/" -H "Upload-Length: $LENGTH" \
  -H "Upload-Metadata: filename $(printf resumed.pdf | base64)")
[[ $status == 201 ]] || fail "creating a resumable upload answered $status"
UPLOAD=$(header Location)
status=$(tus -X PATCH "$BASE$UPLOAD" -H 'Upload-Offset: 0' \
  -H 'Content-Type: application/offset+octet-stream' --data-binary "@$WORK/resumed.1")
[[ $status == 204 ]] || fail "the first half of the resumable upload answered $status"

# Uploads of 1 MiB (raw and multipart in turn) until five in a row are refused.
log "uploading until the disk is full"
streak=0 i=0
while ((streak < 5 && i < 1000)); do
  i=$((i + 1))
  big_pdf 1048576 >"$WORK/big.pdf"
  if ((i % 2)); then status=$(raw_upload "$WORK/big.pdf" "big-$i.pdf"); else status=$(form_upload "$WORK/big.pdf"); fi
  count "$status"
  if [[ $status == 201 ]]; then
    IDS+=("$(sed 's/^{"id":\([0-9]*\).*/\1/' "$WORK/body")")
    streak=0
  else
    streak=$((streak + 1))
  fi
done
log "$ACCEPTED uploads accepted, $REFUSED refused with 507; $(df -h --output=used,avail "$DISK" | tail -1)"

# Then the last bytes too: the write-ahead log emptied and a filler, so the database must grow.
sqlite3 "$DISK/fileshare.db" "PRAGMA busy_timeout=10000; PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
dd if=/dev/zero of="$DISK/filler" bs=4k 2>/dev/null || true
log "not a byte left: $(df -B1 --output=avail "$DISK" | tail -1 | tr -d ' ') bytes available"
status=$(raw_upload "$WORK/kept.pdf" small.pdf); count "$status"
[[ $status == 507 ]] || fail "a small upload on a full disk answered $status"
status=$(call -X PUT "$BASE/api/files/$KEPT/" -H "$AUTH" -F "pdf=@$WORK/kept.pdf;type=application/pdf")
count "$status"
[[ $status == 507 ]] || fail "a replace on a full disk answered $status"
status=$(tus -X PATCH "$BASE$UPLOAD" -H "Upload-Offset: $HALF" \
  -H 'Content-Type: application/offset+octet-stream' --data-binary "@$WORK/resumed.2")
count "$status"
[[ $status == 507 ]] || fail "the rest of the resumable upload on a full disk answered $status"
tus -I "$BASE$UPLOAD" >/dev/null
[[ $(header Upload-Offset) == "$HALF" ]] || fail "the resumable upload's offset is $(header Upload-Offset), not $HALF"
status=$(call -X PATCH "$BASE/api/files/$KEPT/" -H "$AUTH" -H 'Content-Type: application/json' -d '{"name":"renamed.pdf"}')
[[ $status == 507 ]] && grep -q '"error":"storage_full"' "$WORK/body" || fail "a rename on a full database answered $status: $(cat "$WORK/body")"
status=$(curl -sS -o "$WORK/download" -w '%{http_code}' -H "$AUTH" "$BASE/api/download/$KEPT/")
[[ $status == 200 && $(sha256_of "$WORK/download") == $(sha256_of "$WORK/kept.pdf") ]] \
  || fail "the download on a full disk answered $status"
DOWNLOADS=ok
for id in "${IDS[@]:0:5}"; do
  [[ $(curl -sS -o /dev/null -w '%{http_code}' -H "$AUTH" "$BASE/api/download/$id/") == 200 ]] || DOWNLOADS=failed
done
status=$(call -H "$AUTH" "$BASE/api/files/?limit=1")
[[ $status == 200 && $DOWNLOADS == ok ]] || fail "downloads or the list on a full disk: $status, $DOWNLOADS"
INTEGRITY=$(sqlite3 "$DISK/fileshare.db" "PRAGMA integrity_check")
[[ $INTEGRITY == ok ]] || fail "the database on the full disk: $INTEGRITY"
HALF_WRITTEN_FULL=$(half_written)
log "on the full disk: downloads and the list answer, the database is intact," \
  "$HALF_WRITTEN_FULL bytes half-written"

# Space comes back: the filler goes, the big files are deleted for good.
rm "$DISK/filler"
status=$(call -X PATCH "$BASE/api/files/$KEPT/" -H "$AUTH" -H 'Content-Type: application/json' -d '{"name":"renamed.pdf"}')
[[ $status == 200 ]] || fail "a rename once space returned answered $status"
for id in "${IDS[@]}"; do
  status=$(call -X DELETE "$BASE/api/files/$id/" -H "$AUTH")
  [[ $status == 204 ]] || fail "deleting file $id answered $status"
done
status=$(call -X DELETE "$BASE/api/trash/" -H "$AUTH")
[[ $status == 204 ]] || fail "emptying the trash answered $status"
RECOVERY=yes
big_pdf 1048576 >"$WORK/big.pdf"
[[ $(raw_upload "$WORK/big.pdf" after.pdf) == 201 ]] || RECOVERY=no
[[ $(form_upload "$WORK/big.pdf") == 201 ]] || RECOVERY=no
status=$(tus -X PATCH "$BASE$UPLOAD" -H "Upload-Offset: $HALF" \
  -H 'Content-Type: application/offset+octet-stream' --data-binary "@$WORK/resumed.2")
[[ $status == 204 && $(header Upload-Offset) == "$LENGTH" ]] || RECOVERY=no
[[ $(sqlite3 "$DISK/fileshare.db" "PRAGMA integrity_check") == ok ]] || RECOVERY=no
HALF_WRITTEN=$HALF_WRITTEN_FULL
for _ in $(seq 1 20); do # a preview being written in the background settles
  left=$(half_written)
  ((left == 0)) && break
  sleep 0.5
done
HALF_WRITTEN=$((HALF_WRITTEN + left))

printf '\n| Figure | Value |\n|---|---|\n'
printf '| tmpfs holding the data directory and the SQLite database | %s |\n' "$SIZE"
printf '| uploads accepted | %d |\n' "$ACCEPTED"
printf '| uploads refused with 507 (storage full) | %d |\n' "$REFUSED"
printf '| 5xx other than 507 | %d |\n' "$OTHER_5XX"
printf '| other answers | %d |\n' "$OTHER"
printf '| bytes half-written left (full disk, then after recovery) | %d |\n' "$HALF_WRITTEN"
printf '| downloads, list, database integrity on the full disk | %s, ok, %s |\n' "$DOWNLOADS" "$INTEGRITY"
printf '| resumable upload offset kept | yes (%d of %d bytes) |\n' "$HALF" "$LENGTH"
printf '| recovery | %s |\n\n' "$RECOVERY"
((OTHER_5XX == 0 && OTHER == 0 && HALF_WRITTEN == 0)) && [[ $RECOVERY == yes ]] || fail "see the table"
RESULT=PASS
