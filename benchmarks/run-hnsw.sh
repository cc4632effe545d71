#!/usr/bin/env bash
# The HNSW vector-index benchmark (issue 12): ScratchBird's driver + embedded server (HNSW index) against
# its own exact scan and PostgreSQL 15's brute force (pgvector is not packaged here), same vectors, over
# JDBC on loopback. See "HNSW vector index" in docs/performance.md; the class is HnswBench.
#
#   benchmarks/run-hnsw.sh                                  # full run: 100,000 x 768, random and clustered
#   HNSW_N=5000 HNSW_DIMS=64 benchmarks/run-hnsw.sh         # smoke test (about two minutes)
#   HNSW_DATASETS=clustered HNSW_EF='100 400' benchmarks/run-hnsw.sh
#
# Knobs (environment): HNSW_N (100000), HNSW_DIMS (768), HNSW_DATASETS ('random clustered'),
# HNSW_QUERIES (200, timed per ef_search), HNSW_WARMUP (20 per ef_search), HNSW_EF ('40 100 200 400 800'),
# HNSW_EXACT_QUERIES (5: ScratchBird exact scan and PostgreSQL brute force), HNSW_BATCH (1000 rows per
# executeBatch + commit), HNSW_SEED (42), HNSW_PG=0 (skip PostgreSQL), HNSW_TLS (off|on, default off),
# HNSW_BUILD_TIMEOUT (7200 s), HNSW_POLL (0.2 s CPU windows), HNSW_IDLE_SECONDS (2 s of idle windows
# mean "built"), HNSW_IDLE_CORES (0.05; at least one clock tick per window is tolerated),
# HNSW_PROBE (10 s between probe searches during the build), HNSW_CLIENT_XMX (3g), SB_XMX (4g),
# SB_JAVA_OPTS, JAR, SKIP_BUILD=1, OUT (benchmarks/results).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="${OUT:-$ROOT/benchmarks/results}"
HNSW_TLS="${HNSW_TLS:-off}"
mkdir -p "$OUT"

# shellcheck source=benchmarks/lib.sh
source "$ROOT/benchmarks/lib.sh"
start_pg

echo "== embedded server on 127.0.0.1:$SBPORT (TLS $HNSW_TLS)"
start_sb "$HNSW_TLS"
echo "== server JVM pid $SB_PID ($(cat /proc/"$SB_PID"/comm 2>/dev/null || echo '?')), load average $(cut -d' ' -f1-3 /proc/loadavg)"

ARGS=(-Dbench.sb.port="$SBPORT" -Dbench.pg.port="$PGPORT" -Dbench.tls="$HNSW_TLS" -Dbench.out="$OUT"
      -Dbench.sb.pid="$SB_PID" -Dhnsw.clkTck="$(getconf CLK_TCK)")
add() {  # $1 = environment variable, $2 = system property
  if [[ -n "${!1:-}" ]]; then ARGS+=("-D$2=${!1}"); fi
}
add HNSW_N hnsw.n
add HNSW_DIMS hnsw.dims
add HNSW_DATASETS hnsw.datasets
add HNSW_QUERIES hnsw.queries
add HNSW_WARMUP hnsw.warmup
add HNSW_EF hnsw.ef
add HNSW_EXACT_QUERIES hnsw.exactQueries
add HNSW_BATCH hnsw.batch
add HNSW_SEED hnsw.seed
add HNSW_PG hnsw.pg
add HNSW_BUILD_TIMEOUT hnsw.buildTimeoutSeconds
add HNSW_POLL hnsw.pollSeconds
add HNSW_IDLE_SECONDS hnsw.idleSeconds
add HNSW_IDLE_CORES hnsw.idleCores
add HNSW_PROBE hnsw.probeSeconds

java -Xmx"${HNSW_CLIENT_XMX:-3g}" "${ARGS[@]}" -cp "$JAR" io.scratchbird.benchmarks.HnswBench \
  | tee "$OUT/hnsw.log"
stop_sb

python3 "$ROOT/benchmarks/hnsw_report.py" "$OUT" > "$OUT/hnsw-table.md"
echo "== results in $OUT/hnsw-*.json; table ($OUT/hnsw-table.md):"
cat "$OUT/hnsw-table.md"
