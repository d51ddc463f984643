#!/usr/bin/env bash
# Benchmarks the WebAssembly package from JavaScript (Node): module instantiation time and
# validatePersonnummer calls per second. Builds wasm/pkg first if it is missing.
#
#   scripts/bench-wasm.sh            # default 2 s per measurement
#   REKRY_BENCH_SECONDS=5 scripts/bench-wasm.sh
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f wasm/pkg/index.js ] || bash scripts/build-wasm.sh
exec node wasm/tests/bench.mjs
