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

# --- PostgreSQL 15 from Debian packages -----------------------------------------------------------
PGBIN=/usr/lib/postgresql/15/bin
if [[ ! -x "$PGBIN/initdb" ]]; then
  echo "== installing PostgreSQL 15 (Debian packages)"
  apt-get update -qq
  apt-get install -y -qq postgresql-15 >/dev/null
fi

# --- the benchmark jar ------------------------------------------------------------------------------
# JAR=/path/to/benchmarks.jar runs a jar built earlier (e.g. a copy of the "before" build) without building.
if [[ -z "${JAR:-}" ]]; then
  if [[ -z "${SKIP_BUILD:-}" || ! -f "$ROOT/benchmarks/target/benchmarks.jar" ]]; then
    echo "== building benchmarks/target/benchmarks.jar"
    (cd "$ROOT" && ./mvnw -q -Pbenchmarks -pl benchmarks -am package -DskipTests)
  fi
  JAR="$ROOT/benchmarks/target/benchmarks.jar"
fi

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

WORK="$(mktemp -d /tmp/sb-bench.XXXXXX)"
chmod 755 "$WORK"
AS_PG=()
if [[ "$(id -u)" == 0 ]]; then
  AS_PG=(runuser -u postgres --)   # initdb and postgres refuse to run as root
  chown postgres "$WORK"
fi
PGDATA="$WORK/pg"
PGPORT="$(free_port)"
SBPORT="$(free_port)"
SB_PID=""

cleanup() {
  set +e
  [[ -n "$SB_PID" ]] && kill "$SB_PID" 2>/dev/null && wait "$SB_PID" 2>/dev/null
  "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT

# --- throwaway PostgreSQL cluster on loopback -------------------------------------------------------
echo "== PostgreSQL cluster in $PGDATA on 127.0.0.1:$PGPORT"
"${AS_PG[@]}" "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${AS_PG[@]}" openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" \
  -keyout "$PGDATA/server.key" -out "$PGDATA/server.crt" >/dev/null 2>&1
chmod 600 "$PGDATA/server.key"
cat >> "$PGDATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PGPORT
unix_socket_directories = '$WORK'
ssl = on
ssl_cert_file = 'server.crt'
ssl_key_file = 'server.key'
ssl_min_protocol_version = 'TLSv1.3'
password_encryption = 'scram-sha-256'
# the embedded server acknowledges a commit once written, without fsync (docs/reliability.md)
synchronous_commit = off
shared_buffers = 256MB
max_connections = 100
CONF
cat > "$PGDATA/pg_hba.conf" <<HBA
local all all trust
host bench bench_trust 127.0.0.1/32 trust
host all all 127.0.0.1/32 scram-sha-256
HBA
"${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -l "$WORK/pg.log" -w start >/dev/null
psql -h "$WORK" -p "$PGPORT" -U postgres -q -v ON_ERROR_STOP=1 <<SQL
CREATE ROLE bench LOGIN PASSWORD 'bench';
CREATE ROLE bench_trust LOGIN;
CREATE DATABASE bench OWNER bench;
SQL
psql -h "$WORK" -p "$PGPORT" -U postgres -d bench -q -c "GRANT SELECT ON ALL TABLES IN SCHEMA public TO bench_trust; ALTER DEFAULT PRIVILEGES FOR ROLE bench IN SCHEMA public GRANT SELECT ON TABLES TO bench_trust;"

# --- the embedded server on loopback (its own JVM, like PostgreSQL's own processes) ------------------
start_sb() {  # $1 = off|on
  local tlsflag=()
  [[ "$1" == off ]] && tlsflag=(--plaintext)
  # shellcheck disable=SC2086
  java -Xmx4g ${SB_JAVA_OPTS:-} -cp "$JAR" io.scratchbird.embedded.Main --data "$WORK/sb" --port "$SBPORT" \
    --bind 127.0.0.1 "${tlsflag[@]}" >"$WORK/sb-$1.log" 2>&1 &
  SB_PID=$!
  for _ in $(seq 1 100); do
    if grep -q "jdbc:scratchbird" "$WORK/sb-$1.log" 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  cat "$WORK/sb-$1.log"; echo "embedded server did not start"; exit 1
}
stop_sb() {
  kill "$SB_PID"; wait "$SB_PID" 2>/dev/null || true; SB_PID=""
}

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
