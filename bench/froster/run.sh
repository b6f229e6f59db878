#!/usr/bin/env bash
# FROSTER training step (FrosterTrainer.step: student with neighbour-frame attention, frozen teacher,
# residual heads, CE + beta * distillation, backward, clipping, AdamW) in the engine (DJL + libtorch)
# side by side with the same model and loss in PyTorch eager (Debian's python3-torch on OpenBLAS).
# Runs alternate (engine, reference, engine, reference, ...); the summary takes the medians.
#
# Usage: bench/froster/run.sh [seconds-per-tiny-run]     (default 30)
# Environment: ROUNDS (alternations per workload, default 2), VITB16=0 to skip the ViT-B/16 step,
# ENGINE_OMP_WAIT_POLICY (default PASSIVE: libtorch's OpenMP threads otherwise spin at every barrier,
# and on a shared, oversubscribed 2-core machine a spinning thread holds the core its partner needs:
# the tiny step measured 9.1 s instead of 0.6 s at load 9).
#
# Workloads:
#   tiny-1t  the quick recipe's step (synthetic teacher's architecture, 8 frames, batch 8, 12
#            classes), one thread on each side (engine 1 intra-op thread; torch 1 + OpenBLAS 1)
#   tiny-2c  the same on two cores (engine 2 intra-op threads; torch 1 + OpenBLAS 2)
#   vitb16   ViT-B/16, 2 frames, batch 1, 8 classes, two cores; 1 warm-up step + 2 timed steps
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-30}
rounds=${ROUNDS:-2}
openblas=$("$root/bench/clip/setup-reference.sh")
(cd "$root" && mvn -B -q -pl engine -am -DskipTests package)
export DJL_CACHE_DIR=${DJL_CACHE_DIR:-$root/var/djl-cache} ENGINE_CACHE_DIR=${ENGINE_CACHE_DIR:-$root/var/djl-cache}
log=$root/var/bench/froster/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$log"

engine() { # workload threads args...
  local workload=$1 threads=$2
  shift 2
  OMP_WAIT_POLICY=${ENGINE_OMP_WAIT_POLICY:-PASSIVE} java -Dai.djl.offline=true -Dai.djl.default_engine=PyTorch \
    -cp "$root/engine/target/classes:$root/engine/target/test-classes:$root/engine/target/lib/*" \
    dev.froster.engine.froster.FrosterStepBenchmark "$workload" --threads "$threads" "$@" \
    2>>"$log/engine.stderr" | tail -n 1
}

reference() { # workload openblas-threads args...
  local workload=$1 threads=$2
  shift 2
  (cd /tmp && OPENBLAS_NUM_THREADS=$threads LD_LIBRARY_PATH="$openblas" \
    /usr/bin/python3 "$root/bench/froster/reference.py" "$workload" --torch-threads 1 "$@" |
    tail -n 1)
}

measure() { # label side command...
  local label=$1 side=$2
  shift 2
  local before after line
  before=$(cut -d' ' -f1 /proc/loadavg)
  line=$("$@")
  after=$(cut -d' ' -f1 /proc/loadavg)
  echo "$line" | python3 -c 'import json,sys; d=json.load(sys.stdin); d.update(run=sys.argv[1], load=[float(sys.argv[2]), float(sys.argv[3])]); print(json.dumps(d))' \
    "$label" "$before" "$after" | tee -a "$log/runs.jsonl"
}

for ((i = 1; i <= rounds; i++)); do
  measure tiny-1t engine engine tiny 1 --seconds "$seconds"
  measure tiny-1t reference reference tiny 1 --seconds "$seconds"
done
for ((i = 1; i <= rounds; i++)); do
  measure tiny-2c engine engine tiny 2 --seconds "$seconds"
  measure tiny-2c reference reference tiny 2 --seconds "$seconds"
done
if [ "${VITB16:-1}" != 0 ]; then
  for ((i = 1; i <= rounds; i++)); do
    measure vitb16 engine engine vitb16 2 --warmup 1 --seconds 0
    measure vitb16 reference reference vitb16 2 --warmup 1 --seconds 0
  done
fi

echo "runs: $log/runs.jsonl"
python3 - "$log/runs.jsonl" <<'PY'
import json, statistics, sys
runs = [json.loads(line) for line in open(sys.argv[1])]
def median(label, side, key):
    values = [r[key] for r in runs if r["run"] == label and r["side"] == side]
    return statistics.median(values) if values else None
for label in ("tiny-1t", "tiny-2c", "vitb16"):
    e, r = median(label, "engine", "steps_per_s"), median(label, "reference", "steps_per_s")
    if e is None or r is None:
        continue
    pe = [x["trainable_parameters"] for x in runs if x["run"] == label]
    loads = [l for x in runs if x["run"] == label for l in x["load"]]
    print(f"{label}: engine {1 / e:.3f} s/step ({e:.3f} steps/s, "
          f"{median(label, 'engine', 'clips_per_s'):.2f} clips/s) / reference {1 / r:.3f} s/step "
          f"({r:.3f} steps/s) = {e / r:.2f}x; peak RSS engine {median(label, 'engine', 'peak_rss_mb'):.0f} MB"
          f" / reference {median(label, 'reference', 'peak_rss_mb'):.0f} MB; parameters "
          f"{'equal' if len(set(pe)) == 1 else 'DIFFER'} ({pe[0]:,}); load {min(loads):.1f}-{max(loads):.1f}")
PY
