#!/usr/bin/env bash
# Coverage-guided fuzzing (Jazzer) of the parsers of untrusted bytes: each @FuzzTest fuzzed in turn
# for a budget, starting from its committed inputs (server/src/test/resources/.../<Class>Inputs/)
# and from what earlier runs kept (server/.cifuzz-corpus/, not committed). ./mvnw verify only
# replays the committed inputs.
#
#   bench/jazzer.sh [BUDGET] [FILTER]   BUDGET per target, as Jazzer reads it (5m, 90s; default 5m);
#                                       FILTER: a regular expression on the targets' names
#                                       (Pdf, 'Multipart|Range')
#
# Prints per target: executions, seconds, coverage (libFuzzer's cov: edges and ft: features),
# corpus size, and findings. A finding is a failing input: Jazzer writes it next to the committed
# inputs (crash-<sha1>); it is copied, with each target's log, to bench/results/<time>-jazzer/.
# Rename a finding to say what it is, fix the code, and commit both. Exits non-zero on a finding.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BUDGET=${1:-5m}
FILTER=${2:-}
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT="$ROOT/bench/results/$STAMP-jazzer"
RESOURCES="$ROOT/server/src/test/resources"
mkdir -p "$OUT"

# each target, and what is instrumented for coverage besides our own classes: the libraries that
# do the parsing behind our code (Jazzer's default is the class path's directories only)
TARGETS=(
  "dev.fileshare.files.web.multipart.MultipartStreamFuzzTests#partsMatchTheReference"
  "dev.fileshare.files.web.UploadParserFuzzTests#endsInAFormOrAClientError org.apache.commons.fileupload2.**,org.springframework.http.**"
  "dev.fileshare.files.web.download.ByteRangeFuzzTests#rangeLiesWithinTheFile"
  "dev.fileshare.files.web.download.ContentDispositionsFuzzTests#nameRoundTripsWithoutInjection org.springframework.http.ContentDisposition*"
  "dev.fileshare.resumable.UploadMetadataFuzzTests#namedOrRefused"
  "dev.fileshare.resumable.UploadMetadataFuzzTests#pairsComeBackAsSent"
  "dev.fileshare.resumable.web.TusHeadersFuzzTests#readOrRefused"
  "dev.fileshare.inspection.pdf.PdfDocumentInspectorFuzzTests#acceptedOrRefusedInTime org.apache.pdfbox.**,org.apache.fontbox.**"
)

./mvnw -B -ntp -q -pl server -Dspotless.check.skip=true test-compile

found=0
printf '%-62s %12s %6s %6s %7s %14s %s\n' target executions sec cov ft corpus findings | tee "$OUT/summary.txt"
for entry in "${TARGETS[@]}"; do
  read -r target libraries <<<"$entry"
  [[ -n "$FILTER" && ! "$target" =~ $FILTER ]] && continue
  class=${target%#*}
  method=${target#*#}
  inputs="$RESOURCES/$(dirname "${class//.//}")/${class##*.}Inputs/$method"
  before=$(ls "$inputs" 2>/dev/null | grep -c '^crash-' || true)
  log="$OUT/${class##*.}.$method.log"
  status=0
  JAZZER_FUZZ=1 JAZZER_MAX_DURATION="$BUDGET" JAZZER_INSTRUMENT="dev.fileshare.**${libraries:+,$libraries}" ./mvnw -B -ntp -pl server -Dspotless.check.skip=true \
    surefire:test -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1 || status=$?
  done_line=$(grep -aE '^Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1 || true)
  stats=$(grep -aE '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE)' "$log" | tail -1 || true)
  runs=$(sed -E 's/^Done ([0-9]+) runs in ([0-9]+).*/\1/' <<<"$done_line")
  secs=$(sed -E 's/^Done ([0-9]+) runs in ([0-9]+).*/\2/' <<<"$done_line")
  cov=$(grep -aoE 'cov: [0-9]+' <<<"$stats" | cut -d' ' -f2 || true)
  ft=$(grep -aoE 'ft: [0-9]+' <<<"$stats" | cut -d' ' -f2 || true)
  corpus=$(grep -aoE 'corp: [0-9]+/[0-9]+[a-zA-Z]*' <<<"$stats" | cut -d' ' -f2 || true)
  findings=0
  # libFuzzer names each failing input it writes; Jazzer puts them next to the committed inputs
  while read -r crash; do
    [[ -f "$crash" ]] || continue
    cp "$crash" "$OUT/${class##*.}.$method.$(basename "$crash")"
    findings=$((findings + 1))
  done < <(grep -aoE 'Test unit written to .*' "$log" | sed 's/^Test unit written to //' || true)
  if [[ $findings -eq 0 ]]; then
    for crash in $(ls "$inputs" 2>/dev/null | grep '^crash-' | tail -n +$((before + 1))); do
      cp "$inputs/$crash" "$OUT/${class##*.}.$method.$crash"
      findings=$((findings + 1))
    done
  fi
  if [[ $status -ne 0 && $findings -eq 0 ]]; then
    findings="failed (see log)"
  fi
  [[ "$findings" != 0 ]] && found=1
  printf '%-62s %12s %6s %6s %7s %14s %s\n' "${class##*.}#$method" "${runs:--}" "${secs:--}" \
    "${cov:--}" "${ft:--}" "${corpus:--}" "$findings" | tee -a "$OUT/summary.txt"
done
echo "logs and findings: $OUT"
exit $found
