#!/usr/bin/env bash
# Search benchmark (issue 6, "Performance"): database recall@10 and latency at several catalogue
# sizes, and the REST load test against the product server on the largest one.
#
#   bench/search/run.sh [sizes...]            default: 10000 100000 1000000
#
# What it does, all on its own (nothing of the developer's database is touched):
#   1. a private PostgreSQL 15 cluster (same binaries and pgvector as ./froster provision) in
#      $BENCH_PG_DIR on port $BENCH_PG_PORT, postmaster under `nice`, memory for the index builds;
#   2. builds the reactor into the local repository and the froster server (skip: BENCH_BUILD=0);
#   3. per size: a database of generated footage embeddings (FootageCatalogueLoader: 512-d, exact
#      answers of 200 text-like queries), its HNSW index (timed), SearchScaleBenchmark (recall@10
#      and p50/p95 per ef_search, with and without a 1 % filter, exact mode on a sample); the
#      uniform-random worst case for the sizes in BENCH_UNIFORM_SIZES (default 10000; empty: none);
#   4. on the largest size: a 512-d random bundle becomes the active version, the froster server
#      runs against that database on port $BENCH_HTTP_PORT, and SearchLoad sends 16 concurrent
#      clients' requests (cached texts after priming, then new texts); PostgreSQL logs every
#      statement's duration meanwhile, so the database time of the same searches is reported next
#      to the REST latency;
#   5. stops the server and the cluster and deletes the cluster (BENCH_KEEP=1 keeps it).
# Needs: root (PostgreSQL runs as user postgres), JDK 17, Maven, the project's PostgreSQL 15 with
# pgvector (./froster provision installs them), FROSTER_*_PASSWORD of the dev users
# (source var/secrets/env.sh). Takes ~10 min for 10k+100k; 1M adds its index build (30-60 min on
# two busy cores).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
sizes=("${@:-10000 100000 1000000}")
read -r -a sizes <<<"${sizes[*]}"

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
BENCH_PG_DIR=${BENCH_PG_DIR:-/tmp/froster-bench-pg}
BENCH_PG_PORT=${BENCH_PG_PORT:-55491}
BENCH_PG_MEMORY=${BENCH_PG_MEMORY:-6GB}          # shared_buffers and maintenance_work_mem
BENCH_HTTP_PORT=${BENCH_HTTP_PORT:-9781}
BENCH_M=${BENCH_M:-16}                           # HNSW build settings
BENCH_EF_CONSTRUCTION=${BENCH_EF_CONSTRUCTION:-64}
BENCH_EF_SEARCH=${BENCH_EF_SEARCH:-40,100,200,400}
BENCH_SERVER_EF_SEARCH=${BENCH_SERVER_EF_SEARCH:-200}    # the product's default (froster.search.ef-search)
BENCH_EXACT_SAMPLE=${BENCH_EXACT_SAMPLE:-50}     # queries measured in exact mode (slow at 1M)
BENCH_UNIFORM_SIZES=${BENCH_UNIFORM_SIZES-10000}   # empty: no uniform-random catalogue
BENCH_REST_REQUESTS=${BENCH_REST_REQUESTS:-4000}
BENCH_REST_CLIENTS=${BENCH_REST_CLIENTS:-16}
BENCH_BUILD=${BENCH_BUILD:-1}
BENCH_KEEP=${BENCH_KEEP:-0}
# Steps to run: "database rest" (default). With BENCH_PG_EXISTING=1 a cluster already running in
# BENCH_PG_DIR is used (and kept), e.g. to repeat the REST test on a database loaded before.
BENCH_STEPS=${BENCH_STEPS:-database rest}
BENCH_PG_EXISTING=${BENCH_PG_EXISTING:-0}

: "${FROSTER_ARCHIVIST_PASSWORD:?source var/secrets/env.sh first (dev-user passwords)}"
: "${FROSTER_TAGGER_PASSWORD:?source var/secrets/env.sh first}"
: "${FROSTER_ADMIN_PASSWORD:?source var/secrets/env.sh first}"
[ "$(id -u)" = 0 ] || { echo "run as root: the cluster runs as user postgres" >&2; exit 1; }
[ -x "$PG_BIN/initdb" ] || { echo "no PostgreSQL 15 in $PG_BIN: run ./froster provision" >&2; exit 1; }

# The benchmark's own database role and password (the cluster lives only as long as this run).
export FROSTER_DB_HOST=localhost FROSTER_DB_PORT=$BENCH_PG_PORT FROSTER_DB_USER=froster
export FROSTER_DB_NAME=froster FROSTER_DB_PASSWORD=bench-$RANDOM$RANDOM
results=$(mktemp -d /tmp/froster-bench-results.XXXX)
server_dir=$root/liberty-config/target/liberty/wlp/usr/servers/froster
server_started=

say() { printf '\n== %s (load %s)\n' "$*" "$(cut -d' ' -f1 /proc/loadavg)"; }
pg() { runuser -u postgres -- "$PG_BIN/$1" "${@:2}"; }
psql_bench() { runuser -u postgres -- "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$BENCH_PG_DIR" -p "$BENCH_PG_PORT" -U postgres "$@"; }
java_main() { # class, arguments: a test-scope main of the ejb module
  (cd "$root" && mvn -B -q exec:java -pl ejb -Dexec.classpathScope=test \
    -Dexec.mainClass="dev.froster.infrastructure.search.$1" -Dexec.args="${*:2}" 2>&1) |
    sed 's/\x1b\[[0-9;]*m//g' | { grep -v -e '^[A-Z][a-z][a-z] [0-9]*, 20' -e '^INFO: ' || [ $? = 1 ]; }
}

cleanup() {
  trap '' INT TERM
  if [ -n "$server_started" ]; then
    "$root/liberty-config/target/liberty/wlp/bin/server" stop froster >/dev/null 2>&1 || true
  fi
  if [ "$BENCH_KEEP" != 1 ] && [ "$BENCH_PG_EXISTING" != 1 ] && [ -d "$BENCH_PG_DIR" ]; then
    pg pg_ctl -D "$BENCH_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$BENCH_PG_DIR"
  fi
  echo "results: $results"
}
trap cleanup EXIT

start_cluster() {
  say "PostgreSQL cluster in $BENCH_PG_DIR, port $BENCH_PG_PORT"
  [ ! -e "$BENCH_PG_DIR" ] || { echo "$BENCH_PG_DIR exists: remove it or set BENCH_PG_DIR" >&2; exit 1; }
  mkdir -p "$BENCH_PG_DIR" && chown postgres:postgres "$BENCH_PG_DIR"
  pg initdb -D "$BENCH_PG_DIR/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 >/dev/null
  # A throw-away cluster: durability off (it only speeds up loading; searches read memory).
  # One parallel worker for index builds and none for queries: the machine has two cores.
  cat >>"$BENCH_PG_DIR/data/postgresql.conf" <<EOF
port = $BENCH_PG_PORT
listen_addresses = 'localhost'
unix_socket_directories = '$BENCH_PG_DIR'
shared_buffers = $BENCH_PG_MEMORY
maintenance_work_mem = $BENCH_PG_MEMORY
effective_cache_size = 12GB
work_mem = 64MB
max_parallel_maintenance_workers = 1
max_parallel_workers_per_gather = 0
max_wal_size = 8GB
wal_level = minimal
max_wal_senders = 0
fsync = off
synchronous_commit = off
full_page_writes = off
jit = off
EOF
  runuser -u postgres -- nice -n 10 "$PG_BIN/pg_ctl" -D "$BENCH_PG_DIR/data" \
    -l "$BENCH_PG_DIR/postgres.log" -w -t 60 start >/dev/null
  psql_bench -d postgres -c "create role froster login superuser password '$FROSTER_DB_PASSWORD'" \
    -c "create database froster owner froster"
}

build() {
  say "building the reactor and the froster server"
  (cd "$root" && mvn -B -q install -DskipTests -pl engine,db,ejb,batch,web,ear,liberty-config &&
    mvn -B -q test-compile -pl ejb)
}

database_benchmark() { # size kind
  local size=$1 kind=$2 database="bench_${2}_$1"
  say "$kind catalogue, $size segments"
  java_main FootageCatalogueLoader "$database" "$size" "$kind" "$BENCH_M" "$BENCH_EF_CONSTRUCTION" |
    tee -a "$results/database.txt"
  java_main SearchScaleBenchmark "$database" 10 "$BENCH_EF_SEARCH" "$BENCH_EXACT_SAMPLE" |
    tee -a "$results/database.txt"
}

# The statements' durations PostgreSQL logged between two offsets of its log: the search SQL only.
logged_search_millis() { # from-byte
  tail -c +"$(($1 + 1))" "$BENCH_PG_DIR/postgres.log" |
    grep -E 'duration: [0-9.]+ ms +execute [^:]*: with nearest as materialized' |
    sed -E 's/.*duration: ([0-9.]+) ms.*/\1/' | sort -n |
    awk '{v[NR]=$1} END {if (NR == 0) {print "no search statements logged"; exit}
      p50=v[int(0.50*NR+0.999)]; p95=v[int(0.95*NR+0.999)]; p99=v[int(0.99*NR+0.999)];
      printf "database (same searches, as PostgreSQL logged their execution): %d statements, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms\n", NR, p50, p95, p99}'
}

rest_load_test() { # size
  local database=bench_footage_$1 bundle
  say "REST load test on $database ($BENCH_REST_CLIENTS clients)"
  bundle=$BENCH_PG_DIR/models/bench-512
  rm -rf "$bundle" && mkdir -p "$BENCH_PG_DIR/models"
  local sha
  # The ejb module leaves libtorch to the server: write the bundle on the engine's class path.
  (cd "$root" && mvn -B -q dependency:build-classpath -pl engine \
    -Dmdep.outputFile="$results/engine.classpath" >/dev/null)
  sha=$(java -Dai.djl.offline=true \
    -cp "$root/ejb/target/test-classes:$root/engine/target/classes:$(cat "$results/engine.classpath")" \
    dev.froster.infrastructure.search.SearchBenchBundle "$bundle" 2>/dev/null |
    sed -n 's/^bundle .* sha256 //p')
  [ -n "$sha" ] || { echo "the bundle was not written" >&2; exit 1; }
  # The generated version becomes this bundle: the server embeds query texts with it.
  psql_bench -d "$database" -c "update model_version set name = 'bench-512',
    bundle_path = '$bundle', bundle_sha256 = '$sha' where status = 'active'"
  FROSTER_DB_NAME=$database FROSTER_MODELS_ROOT=$BENCH_PG_DIR/models \
    FROSTER_HTTP_PORT=$BENCH_HTTP_PORT FROSTER_SEARCH_EF_SEARCH=$BENCH_SERVER_EF_SEARCH \
    "$root/liberty-config/target/liberty/wlp/bin/server" start froster >/dev/null
  server_started=1
  local url=http://localhost:$BENCH_HTTP_PORT
  for _ in $(seq 1 300); do # a busy machine may take minutes
    curl -fs "$url/health/ready" >/dev/null 2>&1 && break
    sleep 2
  done
  curl -fs "$url/health/ready" >/dev/null || { echo "server not ready: $server_dir/logs" >&2; exit 1; }
  psql_bench -d postgres -c "create extension if not exists pg_prewarm" >/dev/null
  psql_bench -d "$database" -c "create extension if not exists pg_prewarm" \
    -c "select pg_prewarm(c.oid) from pg_class c where c.relname like 'segment_embedding_hnsw_v%' or c.relname in ('segment_embedding', 'segment', 'media_asset')" >/dev/null
  local api=$url/froster/api/v1 offset
  env -u CLASSPATH java "$here/SearchLoad.java" prime "$api" 1000 "$BENCH_REST_CLIENTS" |
    tee -a "$results/rest.txt"
  psql_bench -d postgres -c "alter system set log_min_duration_statement = 0" -c "select pg_reload_conf()" >/dev/null
  for mode in cached uncached; do
    sleep 1
    offset=$(stat -c %s "$BENCH_PG_DIR/postgres.log")
    local requests=$BENCH_REST_REQUESTS
    [ "$mode" = cached ] || requests=$((BENCH_REST_REQUESTS / 4))
    printf 'load %s\n' "$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$results/rest.txt"
    env -u CLASSPATH java "$here/SearchLoad.java" "$mode" "$api" "$requests" "$BENCH_REST_CLIENTS" |
      tee -a "$results/rest.txt"
    sleep 1
    logged_search_millis "$offset" | tee -a "$results/rest.txt"
  done
  psql_bench -d postgres -c "alter system reset log_min_duration_statement" -c "select pg_reload_conf()" >/dev/null
  "$root/liberty-config/target/liberty/wlp/bin/server" stop froster >/dev/null
  server_started=
}

if [ "$BENCH_PG_EXISTING" = 1 ]; then
  psql_bench -d postgres -c "alter role froster password '$FROSTER_DB_PASSWORD'" >/dev/null
else
  start_cluster
fi
[ "$BENCH_BUILD" = 0 ] || build
for size in "${sizes[@]}"; do
  [[ " $BENCH_STEPS " == *" database "* ]] || continue
  database_benchmark "$size" footage
  for uniform in $BENCH_UNIFORM_SIZES; do
    if [ "$uniform" = "$size" ]; then database_benchmark "$size" uniform; fi
  done
  # Keep only the largest footage database (for the REST test): disk and memory.
  if [ "$size" != "${sizes[-1]}" ]; then
    psql_bench -d postgres -c "drop database if exists bench_footage_$size with (force)" \
      -c "drop database if exists bench_uniform_$size with (force)"
  fi
done
[[ " $BENCH_STEPS " != *" rest "* ]] || rest_load_test "${sizes[-1]}"
say "summary"
cat "$results/database.txt" "$results/rest.txt" 2>/dev/null | grep -v '^$'
