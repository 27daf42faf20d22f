#!/usr/bin/env bash
# Benchmark of reading stored documents as the background job does (facts, the text of every page,
# previews of the first page), one document at a time like one worker, on generated documents of
# 1, 10 and 100 pages. The database plays no part in these figures (bench/search.sh measures
# writing the pages to the index and searching them).
# Usage: bench/reading.sh                 about 50 documents' worth of each size
#        BENCH_DOCUMENTS=10 bench/reading.sh   fewer, to try the script
# Results: printed, and kept in bench/results/reading-<time>/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DOCUMENTS=${BENCH_DOCUMENTS:-50}
OUT="$ROOT/bench/results/reading-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"

log() { printf '[bench] %s\n' "$*" >&2; }

if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  log "compiling"
  ./mvnw -pl server -B -ntp -o -q test-compile -Dspotless.check.skip=true
fi
log "reading generated documents"
./mvnw -pl server -B -ntp -o -q "failsafe:integration-test@sqlite" -Dit.test=ReadingBenchmark \
  -Dfailsafe.failIfNoSpecifiedTests=false -Dbench.documents="$DOCUMENTS" \
  -Dbench.out="$OUT/table.md" >"$OUT/run.log" 2>&1 || { log "failed, see $OUT/run.log"; exit 1; }
[[ -s "$OUT/table.md" ]] || { log "no results, see $OUT/run.log"; exit 1; }
{ printf 'Run %s on %s cores; %s\n\n' "$(date -u +%Y%m%dT%H%M%SZ)" "$(nproc)" "$(java -version 2>&1 | head -1)"; cat "$OUT/table.md"; } | tee "$OUT/summary.md"
