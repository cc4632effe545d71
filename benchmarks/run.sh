#!/usr/bin/env bash
# ScratchBird (driver + embedded server) against PgJDBC + PostgreSQL 15, side by side, same machine,
# same data, same TLS setting (both off, then both on). See docs/performance.md.
#
#   benchmarks/run.sh                 # full run: build, start both servers, load, JMH, JSON + docs table
#   QUICK=1 benchmarks/run.sh         # 1 warm-up x 1 s, 1 iteration x 1 s: a smoke test
#   BENCH='QueryBench' benchmarks/run.sh   # only benchmarks matching a JMH regexp
#   TLS_MODES='off' benchmarks/run.sh # only one TLS setting
#   STREAM_ROWS=200000 VECTORS=2000 benchmarks/run.sh   # smaller data sets
#   SB_JAVA_OPTS='-XX:StartFlightRecording=filename=/tmp/sb.jfr' benchmarks/run.sh   # profile the server
#   JMH_EXTRA='-prof jfr' benchmarks/run.sh                                          # profile the clients
#   SB_XMX=8g benchmarks/run.sh       # the embedded server's heap (default 4g)
# The HNSW vector-index benchmark has its own entry point: benchmarks/run-hnsw.sh.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="${OUT:-$ROOT/benchmarks/results}"
STREAM_ROWS="${STREAM_ROWS:-1000000}"
VECTORS="${VECTORS:-10000}"
DIMS="${DIMS:-768}"
TLS_MODES="${TLS_MODES:-off on}"
BENCH="${BENCH:-}"
if [[ -n "${QUICK:-}" ]]; then
  JMH_TIMES=(-f 1 -wi 1 -w 1s -i 1 -r 1s)
else
  JMH_TIMES=(-f 1 -wi 2 -w 2s -i 3 -r 3s)
fi
mkdir -p "$OUT"

# PostgreSQL 15 (installed when missing), the jar (built unless JAR=… or SKIP_BUILD=1), a throwaway
# cluster, start_sb/stop_sb for the embedded server, and the clean-up trap.
# shellcheck source=benchmarks/lib.sh
source "$ROOT/benchmarks/lib.sh"
start_pg

PROPS=(-Dbench.sb.port="$SBPORT" -Dbench.pg.port="$PGPORT" -Dbench.streamRows="$STREAM_ROWS"
       -Dbench.vectors="$VECTORS" -Dbench.dims="$DIMS" -Dbench.out="$OUT")

loaded=""
for tls in $TLS_MODES; do
  echo "== TLS $tls: embedded server on 127.0.0.1:$SBPORT"
  start_sb "$tls"
  if [[ -z "$loaded" ]]; then
    echo "== loading the same data into both ($STREAM_ROWS stream rows, $VECTORS x $DIMS vectors)"
    java -Xmx1g "${PROPS[@]}" -Dbench.tls="$tls" -cp "$JAR" io.scratchbird.benchmarks.LoadData scratchbird
    java -Xmx1g "${PROPS[@]}" -Dbench.tls="$tls" -cp "$JAR" io.scratchbird.benchmarks.LoadData postgresql
    loaded=1
  fi
  rm -f "$OUT/stream-heap.txt"
  args=("${PROPS[@]}" -Dbench.tls="$tls")
  # Everything but streaming; decode replays recorded plaintext bytes, so it only runs in the TLS-off pass.
  exclude='StreamBench'
  [[ "$tls" == on ]] && exclude='StreamBench|DecodeBench'
  # shellcheck disable=SC2086
  java -jar "$JAR" "${BENCH:-.*}" -e "$exclude" "${JMH_TIMES[@]}" ${JMH_EXTRA:-} \
    -jvmArgsAppend "-Xmx2g ${args[*]}" -rf json -rff "$OUT/tls-$tls.json" | tee "$OUT/tls-$tls.txt"
  # Streaming with a 64 MiB heap: a driver that buffered the million rows would fail here.
  if [[ -z "$BENCH" || "StreamBench" =~ $BENCH ]]; then
    # shellcheck disable=SC2086
    java -jar "$JAR" StreamBench "${JMH_TIMES[@]}" ${JMH_EXTRA:-} \
      -jvmArgsAppend "-Xmx64m ${args[*]}" -rf json -rff "$OUT/stream-tls-$tls.json" | tee "$OUT/stream-tls-$tls.txt"
    cp "$OUT/stream-heap.txt" "$OUT/stream-heap-tls-$tls.txt" 2>/dev/null || true
  fi
  stop_sb
done

# Keep the summaries (score, error, percentiles), drop JMH's raw sample histograms (megabytes per file).
python3 - "$OUT" <<'PY'
import glob, json, os, sys
for p in glob.glob(os.path.join(sys.argv[1], "*.json")):
    try:
        runs = json.load(open(p))
    except ValueError:
        continue
    for r in runs:
        for m in [r["primaryMetric"]] + list(r.get("secondaryMetrics", {}).values()):
            m.pop("rawDataHistogram", None)
            m.pop("rawData", None)
    json.dump(runs, open(p, "w"), indent=1)
PY
rm -f "$OUT/stream-heap.txt"
python3 "$ROOT/benchmarks/report.py" "$OUT" > "$OUT/table.md"
echo "== results in $OUT; table:"
cat "$OUT/table.md"
