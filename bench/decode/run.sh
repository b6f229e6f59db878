#!/usr/bin/env bash
# Decode benchmark: JavaCV to RGB24 frames vs the ffmpeg command line decoding the same files to
# raw RGB24, side by side in one run; then segments embedded per second (decode vs model) with a
# tiny bundle and a ViT-B/16-size random bundle. Usage: bench/decode/run.sh [seconds] [vit-segments]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
seconds="${1:-20}"
vit_segments="${2:-4}"
work="$root/var/bench-decode"
mkdir -p "$work"

if ! command -v ffmpeg >/dev/null; then
  echo "ffmpeg not found: installing Debian's ffmpeg (reference only; the engine never uses it)"
  apt-get install -y -q ffmpeg >/dev/null
fi
ffmpeg -version | head -1

for size in 1920x1080 640x360; do
  f="$work/testsrc2-${size}-${seconds}s.mp4"
  if [ ! -f "$f" ]; then
    ffmpeg -v error -f lavfi -i "testsrc2=size=${size}:rate=30:duration=${seconds}" \
      -c:v libx264 -pix_fmt yuv420p -g 30 -y "$f"
  fi
done
files=("$work"/testsrc2-1920x1080-"${seconds}"s.mp4 "$work"/testsrc2-640x360-"${seconds}"s.mp4)

cd "$root"
mvn -B -q -pl engine test-compile -Dspotless.check.skip=true
mvn -B -q -pl engine dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
cp="$root/engine/target/test-classes:$root/engine/target/classes:$(cat "$work/cp.txt")"
jvm=(-Dai.djl.offline=true -Dai.djl.default_engine=PyTorch
     -DENGINE_CACHE_DIR="$root/var/djl-cache" -DDJL_CACHE_DIR="$root/var/djl-cache")

echo "== decode to RGB24, best of 3 =="
for f in "${files[@]}"; do
  frames=$(ffprobe -v error -count_frames -select_streams v:0 -show_entries stream=nb_read_frames -of csv=p=0 "$f")
  best=""
  for run in 1 2 3; do
    s=$(date +%s.%N)
    ffmpeg -v error -i "$f" -f rawvideo -pix_fmt rgb24 -y /dev/null
    e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc -l)
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
  done
  printf 'ffmpeg %s frames=%s seconds=%.3f fps=%.1f\n' "$(basename "$f")" "$frames" "$best" \
    "$(echo "$frames / $best" | bc -l)"
done
java "${jvm[@]}" -cp "$cp" dev.froster.engine.video.DecodeBenchmark "${files[@]}"

echo "== segments embedded per second (360p file) =="
/usr/bin/time -f "peak RSS %M kB" java "${jvm[@]}" -cp "$cp" \
  dev.froster.engine.inference.EmbedBenchmark "$work/bundles" "${files[1]}" "$vit_segments"
