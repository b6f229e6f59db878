#!/usr/bin/env bash
# The embed-catalog job inside the running product, with the demo model and with a ViT-B/16-size
# bundle (random weights: the values do not change the work), on the same demo video: segments/s
# and where the time goes (read, embed = decode + model, write; from the lines each partition
# logs), and the server JVM's peak RSS. Side by side, the engine alone embedding the same spans
# (EmbedBenchmark: decode + preprocessing vs model).
# Needs the product running from this folder (`./froster run`, which also makes the demo
# catalogue) and its var/. Usage: bench/jobs/run.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
export FROSTER_VAR=${FROSTER_VAR:-$root/var}
# shellcheck disable=SC1091
source "$FROSTER_VAR/secrets/env.sh"
api=http://localhost:${FROSTER_HTTP_PORT:-9080}/froster/api/v1
admin=(-sf -u "admin:$FROSTER_ADMIN_PASSWORD" -H 'Content-Type: application/json')
sql() { PGPASSWORD=$FROSTER_DB_PASSWORD psql -X -qtA -h "$FROSTER_DB_HOST" -p "$FROSTER_DB_PORT" \
  -U "$FROSTER_DB_USER" -d "$FROSTER_DB_NAME" -c "$1"; }
curl -sf "http://localhost:${FROSTER_HTTP_PORT:-9080}/health/ready" >/dev/null \
  || { echo "the product is not running (./froster run)"; exit 1; }

models=${FROSTER_MODELS_ROOT:-$FROSTER_VAR/models}
work="$FROSTER_VAR/bench-jobs"
mkdir -p "$work"
asset=$(sql "select id from media_asset where status = 'embedded' order by id limit 1")
video=$(sql "select source_uri from media_asset where id = $asset" | sed 's|^file://||')
segments=$(sql "select count(*) from segment where asset_id = $asset")
echo "asset $asset: $video ($segments segments)"

# The ViT-B/16-size bundle, made once by the engine's embedding benchmark (which also times the
# engine alone on the same file: the reference).
mvn -B -q -pl engine test-compile -Dspotless.check.skip=true
mvn -B -q -pl engine dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
echo "== engine alone (EmbedBenchmark on the same file) =="
java -Dai.djl.offline=true -Dai.djl.default_engine=PyTorch \
  -cp "engine/target/test-classes:engine/target/classes:$(cat "$work/cp.txt")" \
  dev.froster.engine.inference.EmbedBenchmark "$work/bundles" "$video" "$segments"
rm -rf "$models/bench-vitb16" && cp -r "$work/bundles/vitb16" "$models/bench-vitb16"

pid=$(pgrep -f "ws-javaagent.jar.*$root/" | head -1)
log=$(ls liberty-config/target/liberty/wlp/usr/servers/*/logs/messages.log | head -1)
job() { # $1 model version id, $2 asset ids (JSON array); waits for the end, prints the stage lines
  local id status
  id=$(curl "${admin[@]}" -X POST "$api/jobs/embed-catalog" \
    -d "{\"modelVersion\": $1, \"assets\": $2, \"partitions\": 1}" | sed 's/.*"executionId":\([0-9]*\).*/\1/')
  local s; s=$(date +%s.%N)
  until status=$(curl "${admin[@]}" "$api/jobs/$id" | sed 's/.*"batchStatus":"\([A-Z]*\)".*/\1/') \
    && [[ "$status" =~ ^(COMPLETED|FAILED|STOPPED|ABANDONED)$ ]]; do sleep 2; done
  echo "execution $id: $status in $(echo "$(date +%s.%N) - $s" | bc) s"
  grep -o "embed-catalog execution $id partition .*" "$log"
}
register() { # $1 name, $2 bundle folder under the models root; prints the version id
  curl "${admin[@]}" -X POST "$api/model-versions" -d "{\"name\": \"$1\", \"bundlePath\": \"$2\"}" \
    | sed 's/.*"id":\([0-9]*\).*/\1/'
}

echo "== the job in the server: demo model (a fresh version of the same bundle) =="
demo=$(register "bench-demo-$(date +%s)" demo)
job "$demo" "[$asset]"
echo "== the job in the server: ViT-B/16 size =="
vit=$(register "bench-vitb16-$(date +%s)" bench-vitb16)
job "$vit" "[$asset]"
grep VmHWM "/proc/$pid/status" | sed 's/^/server JVM peak RSS: /'
echo "(the bench versions stay registered as candidates; delete them with their embeddings when done)"
