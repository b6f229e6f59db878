#!/usr/bin/env bash
# CLIP tower throughput, ViT-B/16 size, random weights: the engine (DJL + libtorch) side by side
# with PyTorch eager (Debian's python3-torch on OpenBLAS), same workload, same run.
# Usage: bench/clip/run.sh [seconds-per-measurement]   (default 30)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-30}
openblas=$("$root/bench/clip/setup-reference.sh")
(cd "$root" && mvn -B -q -pl engine -am -DskipTests install && mvn -B -q -pl engine test-compile)
export DJL_CACHE_DIR=${DJL_CACHE_DIR:-$root/var/djl-cache} ENGINE_CACHE_DIR=${ENGINE_CACHE_DIR:-$root/var/djl-cache}
engine=$(java -Dai.djl.offline=true -Dai.djl.default_engine=PyTorch \
  -cp "$root/engine/target/classes:$root/engine/target/test-classes:$root/engine/target/lib/*" \
  dev.froster.engine.bench.ClipTowerBenchmark 8 16 "$seconds" | tail -n 1)
reference=$(cd /tmp && OPENBLAS_NUM_THREADS=2 LD_LIBRARY_PATH="$openblas" \
  /usr/bin/python3 "$root/bench/clip/reference.py" --seconds "$seconds" | tail -n 1)
echo "engine:    $engine"
echo "reference: $reference"
python3 - "$engine" "$reference" <<'PY'
import json, sys
e, r = json.loads(sys.argv[1]), json.loads(sys.argv[2])
for key in ("image_frames_per_s", "text_texts_per_s"):
    print(f"{key}: engine {e[key]:.3f} / reference {r[key]:.3f} = {e[key] / r[key]:.2f}x")
print(f"peak RSS: engine {e['peak_rss_mb']} MB, reference {r['peak_rss_mb']} MB")
PY
