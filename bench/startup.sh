#!/usr/bin/env bash
# Start-up. Time from the start of the java process to /actuator/health/readiness answering UP
# (polled every 20 ms), best and median of BENCH_STARTS (5) starts with a fresh data directory and
# as many with an existing one (the migrations already applied), and the RSS 3 s after ready, for:
#   17        JDK 17, java -jar fileshare.jar
#   17-dir    JDK 17, the jar extracted (java -Djarmode=tools -jar fileshare.jar extract)
#   17-cds    JDK 17, extracted, with a CDS archive from a training run
#             (-XX:ArchiveClassesAtExit=app.jsa -Dspring.context.exit=onRefresh, then
#             -XX:SharedArchiveFile=app.jsa)
#   25        JDK 25, java -jar fileshare.jar
#   25-dir    JDK 25, the jar extracted
#   25-aot    JDK 25, extracted, with an AOT cache from a training run (JEP 483/514:
#             -XX:AOTCacheOutput=app.aot -Dspring.context.exit=onRefresh, then -XX:AOTCache=app.aot)
#   17-cds-spring, 25-aot-spring
#             the same, and the beans' definitions the build prepared (-Dspring.aot.enabled=true,
#             training run included); for JDK 25 from a jar built on JDK 25, whose definitions
#             include the virtual threads
# Usage: bench/startup.sh
# Settings (environment): BENCH_VARIANTS ("17 17-dir 17-cds 17-cds-spring 25 25-dir 25-aot
# 25-aot-spring"), BENCH_STARTS (5), BENCH_JVM_OPTS (options for every start, none), BENCH_JAR (the
# jar, server/target's), BENCH_JAR25 (the jar built on JDK 25, built after the other unless
# BENCH_SKIP_BUILD=1), BENCH_PORT (18004), BENCH_DIR (where data goes, /tmp), BENCH_SKIP_BUILD=1.
# Results: printed, and kept in bench/results/<time>-startup/ (table.md, each start's log).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

VARIANTS=${BENCH_VARIANTS:-"17 17-dir 17-cds 17-cds-spring 25 25-dir 25-aot 25-aot-spring"}
STARTS=${BENCH_STARTS:-5}
JVM_OPTS=${BENCH_JVM_OPTS:-}
PORT=${BENCH_PORT:-18004}
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT="$ROOT/bench/results/$STAMP-startup"
WORK=$(mktemp -d "${BENCH_DIR:-/tmp}/fileshare-bench.XXXXXX")
mkdir -p "$OUT"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

cleanup() { rm -rf "$WORK"; }
trap cleanup EXIT

build_jar
JAR_NAME=$(basename "$JAR")
mkdir -p "$WORK/jar17" "$WORK/jar25"
cp "$JAR" "$WORK/jar17/$JAR_NAME"
JAR="$WORK/jar17/$JAR_NAME"
JAR25=${BENCH_JAR25:-}
if [[ -z "$JAR25" && "$VARIANTS" == *25-*-spring* ]]; then
  if [[ "${BENCH_SKIP_BUILD:-0}" == 1 ]]; then
    JAR25=$JAR # its definitions then lack the virtual threads: the server refuses to start
  else
    log "building the jar on JDK 25"
    JAVA_HOME=$(dirname "$(dirname "$(java_of 25)")") \
      ./mvnw -pl server -q -B -ntp -DskipTests -Dspotless.check.skip=true package
    cp "$(ls server/target/fileshare-*.jar | grep -v original | head -1)" "$WORK/jar25/$JAR_NAME"
    JAR25="$WORK/jar25/$JAR_NAME"
  fi
fi

# One start: runs the command with the server's environment, polls readiness every 20 ms, waits
# 3 s more, prints "milliseconds-to-ready rss-mib", and stops the server.
cat >"$WORK/start.py" <<'EOF'
import os, signal, subprocess, sys, time, urllib.request
url, log, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
with open(log, "wb") as out:
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT)
    ready = None
    while time.monotonic() - t0 < 120 and p.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=1) as r:
                if r.status == 200 and b'"UP"' in r.read():
                    ready = time.monotonic() - t0
                    break
        except OSError:
            pass
        time.sleep(0.02)
    rss = 0
    if ready is not None:
        time.sleep(3)
        with open(f"/proc/{p.pid}/status") as s:
            rss = next(int(l.split()[1]) // 1024 for l in s if l.startswith("VmRSS"))
    p.send_signal(signal.SIGTERM)
    try:
        p.wait(30)
    except subprocess.TimeoutExpired:
        p.kill()
    if ready is None:
        sys.exit(f"not ready; see {log}")
    print(f"{ready * 1000:.0f} {rss}")
EOF

start_once() { # log, data dir, command... → "ms rss"
  local log=$1 data=$2
  shift 2
  FILESHARE_DATA_DIR="$data" SERVER_PORT=$PORT FILESHARE_PUBLIC_URL="http://127.0.0.1:$PORT" \
    python3 "$WORK/start.py" "http://127.0.0.1:$PORT/actuator/health/readiness" "$log" "$@"
}

# the command of a variant, after its preparation (extraction, training run)
prepare() { # variant → sets CMD
  local variant=$1 jdk=${1%%-*} java dir
  java=$(java_of "$jdk")
  [[ -x "$java" ]] || return 1
  dir="$WORK/app-$variant"
  # shellcheck disable=SC2206 # JVM_OPTS is a list of options
  local opts=($JVM_OPTS) jar=$JAR
  if [[ $variant == *-spring ]]; then
    opts+=(-Dspring.aot.enabled=true)
    [[ $jdk == 25 ]] && jar=$JAR25
  fi
  local name
  name=$(basename "$jar")
  case $variant in
    17 | 25) CMD=("$java" "${opts[@]}" -jar "$jar") ;;
    *)
      "$java" -Djarmode=tools -jar "$jar" extract --destination "$dir" >/dev/null
      CMD=("$java" "${opts[@]}" -jar "$dir/$name")
      ;;
  esac
  local train=()
  case $variant in
    *-cds | *-cds-spring) train=(-XX:ArchiveClassesAtExit="$dir/app.jsa") ;;
    *-aot | *-aot-spring) train=(-XX:AOTCacheOutput="$dir/app.aot") ;;
  esac
  if ((${#train[@]})); then
    log "$variant: training run"
    mkdir -p "$WORK/train-$variant"
    (cd "$dir" && FILESHARE_DATA_DIR="$WORK/train-$variant" SERVER_PORT=$PORT \
      "$java" "${opts[@]}" "${train[@]}" -Dspring.context.exit=onRefresh -jar "$dir/$name" \
      >"$OUT/training-$variant.log" 2>&1)
    case $variant in
      *-cds | *-cds-spring) CMD=("$java" "${opts[@]}" -XX:SharedArchiveFile="$dir/app.jsa" -jar "$dir/$name") ;;
      *-aot | *-aot-spring) CMD=("$java" "${opts[@]}" -XX:AOTCache="$dir/app.aot" -jar "$dir/$name") ;;
    esac
  fi
}

stats() { # numbers... → "best median"
  printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { printf "%d %d\n", v[1], v[int((NR + 1) / 2)] }'
}


declare -A MEDIAN
for variant in $VARIANTS; do
  jdk=${variant%%-*}
  if ! prepare "$variant"; then
    log "no JDK $jdk here; $variant skipped"
    continue
  fi
  version=$("$(java_of "$jdk")" -version 2>&1 | head -1)
  [[ "${JDK_VERSIONS:-}" == *"$version"* ]] || JDK_VERSIONS+="${JDK_VERSIONS:+; }$version"
  target=$([[ $jdk == 25 ]] && echo 2000 || echo 4000)
  for data in fresh existing; do
    times=()
    rss=()
    rm -rf "$WORK/data-existing"
    mkdir -p "$WORK/data-existing"
    [[ $data == existing ]] && start_once "$OUT/$variant-migrate.log" "$WORK/data-existing" "${CMD[@]}" >/dev/null
    for i in $(seq 1 "$STARTS"); do
      dir="$WORK/data-existing"
      if [[ $data == fresh ]]; then
        dir="$WORK/data-fresh-$i"
        mkdir -p "$dir"
      fi
      read -r ms mib < <(start_once "$OUT/$variant-$data-$i.log" "$dir" "${CMD[@]}")
      log "$variant, $data data: ready in $ms ms, RSS $mib MiB"
      times+=("$ms")
      rss+=("$mib")
      rm -rf "$WORK/data-fresh-$i"
    done
    read -r best median < <(stats "${times[@]}")
    read -r _ rss_median < <(stats "${rss[@]}")
    MEDIAN[$variant-$data]=$median
    # against the plain jar, or for the prepared definitions against the same cache without them
    reference=$jdk
    [[ $variant == *-spring ]] && reference=${variant%-spring}
    base=
    [[ $variant != "$reference" ]] && base=${MEDIAN[$reference-$data]:-}
    row "JDK $variant, $data data dir: ready, best / median of $STARTS" "ms" "$best / $median" \
      "${base:+JDK $reference $base}" "${base:+$(ratio "$median" "$base")}" "< $target: $(meets "$median" "<" "$target")"
    row "JDK $variant, $data data dir: RSS 3 s after ready (median)" "MiB" "$rss_median" "" "" ""
  done
done

print_table "Run $STAMP on $(nproc) cores, load average $LOAD_START at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end; ${JDK_VERSIONS:-no JDK}; JVM options: ${JVM_OPTS:-none}; $STARTS starts each."
