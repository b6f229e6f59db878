#!/usr/bin/env bash
# Prepares a fair PyTorch reference (see ../shared/docs/benchmark-notes.md): Debian's python3-torch
# as installed links the reference BLAS (~1 GFLOP/s); we run it against OpenBLAS unpacked into
# var/bench/openblas, without changing the system. Prints the LD_LIBRARY_PATH to use.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
dir=$root/var/bench/openblas
if [ ! -x /usr/bin/python3 ] || ! /usr/bin/python3 -c 'import torch' 2>/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-torch >/dev/null
fi
if [ ! -f "$dir/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblas.so.0" ]; then
  mkdir -p "$dir"
  (cd "$dir" && apt-get download -o APT::Sandbox::User=root libopenblas0-pthread >/dev/null 2>&1 &&
    dpkg-deb -x libopenblas0-pthread_*.deb .)
fi
echo "$dir/usr/lib/x86_64-linux-gnu/openblas-pthread"
