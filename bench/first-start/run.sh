#!/usr/bin/env bash
# First and later start of the product as `./froster run` does it, on a fresh clone of this
# repository with a fresh var/ (its own embedded PostgreSQL port): seconds until the readiness check
# is UP, until the demo model is active, until every demo video is embedded, and until every
# segment is tagged; then Liberty is stopped and started again and the same is timed. Also: the
# server JVM's peak RSS, the embed-catalog stage times it logged, and, side by side, the engine
# alone embedding the same catalogue (`./froster eval-search`).
# Usage: bench/first-start/run.sh [work-dir]        (default /tmp/froster-first-start)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${1:-/tmp/froster-first-start}"
port=${BENCH_DB_PORT:-55439}
rm -rf "$work" && mkdir -p "$work"
git -C "$root" clone -q "$root" "$work/froster"
[ -d "$root/../shared" ] && ln -sfn "$(cd "$root/../shared" && pwd)" "$work/shared"
cd "$work/froster"
export FROSTER_VAR="$work/var" FROSTER_DB_EMBEDDED_PORT=$port

started=$(date +%s)
setsid ./froster run >"$work/run1.log" 2>&1 &
launcher=$!

# To the launcher's whole process group (Maven, Liberty); the launcher's trap stops PostgreSQL.
stop_product() {
  kill -TERM -- "-$launcher" 2>/dev/null || true
  wait "$launcher" 2>/dev/null || true
}
server_jvm() { pgrep -f "ws-javaagent.jar.*$work/froster/" | head -1; }
trap stop_product EXIT
elapsed() { echo $(( $(date +%s) - started )); }
ready() { curl -sf http://localhost:9080/health/ready >/dev/null 2>&1; }
sql() { # the scratch database, with the credentials the launcher generated
  # shellcheck disable=SC1091
  (source "$FROSTER_VAR/secrets/env.sh" && PGPASSWORD=$FROSTER_DB_PASSWORD psql -X -qtA \
    -h "$FROSTER_DB_HOST" -p "$FROSTER_DB_PORT" -U "$FROSTER_DB_USER" -d "$FROSTER_DB_NAME" -c "$1") 2>/dev/null || true
}
await() { # $1 label, $2 condition command; prints the seconds since start
  local limit=$((started + 3600))
  until eval "$2"; do
    kill -0 "$launcher" 2>/dev/null || { echo "the launcher stopped; see $work/run*.log"; exit 1; }
    [ "$(date +%s)" -lt $limit ] || { echo "$1: not within an hour"; exit 1; }
    sleep 2
  done
  echo "$1: $(elapsed) s"
}
videos=13
embedded() { [ "$(sql "select count(*) from media_asset where status = 'embedded'")" = "$videos" ]; }
tagged() {
  local s t
  s=$(sql "select count(*) from segment"); t=$(sql "select count(*) from segment_tagging")
  [ -n "$s" ] && [ "$s" -gt 0 ] && [ "$s" = "$t" ]
}
active() { [ "$(sql "select count(*) from model_version where status = 'active' and name like 'demo-%'")" = 1 ]; }

echo "== first start (fresh clone, fresh var/: provisioning, build, demo catalogue) =="
await "readiness UP" ready
await "demo model active" active
await "13 demo videos embedded" embedded
await "every segment tagged" tagged
pid=$(server_jvm || true)
if [ -n "$pid" ]; then grep VmHWM "/proc/$pid/status" | sed 's/^/server JVM peak RSS: /'; fi
grep -ho "embed-catalog execution [0-9]* partition [0-9]*: .*" liberty-config/target/liberty/wlp/usr/servers/*/logs/messages.log || true
stop_product

echo "== later start (same clone and var/) =="
started=$(date +%s)
setsid ./froster run >"$work/run2.log" 2>&1 &
launcher=$!
await "readiness UP" ready
await "first search answers" \
  "(source '$FROSTER_VAR/secrets/env.sh' && curl -sf -u archivist:\$FROSTER_ARCHIVIST_PASSWORD 'http://localhost:9080/froster/api/v1/search?q=circle+moving+left&limit=1' >/dev/null)"
stop_product

echo "== reference: the engine alone embeds and ranks the same catalogue =="
s=$(date +%s)
./froster eval-search --model demo/model --catalogue "$FROSTER_VAR/demo-catalogue" | tail -1
echo "engine eval-search (segmentation + embedding + 26 queries): $(( $(date +%s) - s )) s"
