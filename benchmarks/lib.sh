# Shared set-up of benchmarks/run.sh and benchmarks/run-hnsw.sh (sourced, not run): PostgreSQL 15
# from Debian packages, the benchmark jar, a throwaway PostgreSQL cluster and the embedded server on
# loopback. Expects ROOT to be the repository root; sets PGBIN, JAR, WORK, PGDATA, PGPORT, SBPORT,
# SB_PID and an EXIT trap that stops both servers and removes WORK.

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
start_pg() {
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
}

# --- the embedded server on loopback (its own JVM, like PostgreSQL's own processes) ------------------
# --add-modules jdk.incubator.vector: the server uses the Vector API when it is present (harmless
# otherwise). The JVM then prints "WARNING: Using incubator modules: jdk.incubator.vector" on stderr,
# which goes to the same log; readiness is the line with the jdbc:scratchbird URL.
start_sb() {  # $1 = off|on
  local tlsflag=()
  [[ "$1" == off ]] && tlsflag=(--plaintext)
  # shellcheck disable=SC2086
  java -Xmx"${SB_XMX:-4g}" --add-modules jdk.incubator.vector ${SB_JAVA_OPTS:-} -cp "$JAR" \
    io.scratchbird.embedded.Main --data "$WORK/sb" --port "$SBPORT" \
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
