#!/usr/bin/env bash
# Builds and tests rekry-wasm end to end; exits non-zero on any failure. Idempotent: installs
# only what is missing (wasm32 target, wasm-bindgen-cli, binaryen via build-wasm.sh; Node's
# playwright-core and terser via npm ci; Debian's Chromium).
#
#   1. scripts/build-wasm.sh            wasm/pkg, with sizes
#   2. clippy -D warnings               rekry-wasm and rekry-e2e, native and wasm32
#   3. cargo test -p rekry-wasm         unit, property and doc tests of the native api module
#   4. node --test wasm/tests/*.test.mjs  every function, hostile input, types
#   5. cargo test -p rekry-e2e          the compiled wasm in Node == native rekry-core
#   6. node wasm/tests/browser.mjs      the demo in headless Chromium, screenshots
#   7. scripts/bench-wasm.sh            calls/s and instantiation (REKRY_BENCH_SECONDS=1)
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
step() { printf '\n--> test-wasm: %s\n' "$*"; }

if ! command -v node >/dev/null; then
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
    echo "test-wasm: Node >= 20 needed, found $(node --version)" >&2
    exit 1
fi
if [ ! -x /usr/bin/chromium ]; then
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
if [ ! -f wasm/node_modules/playwright-core/package.json ] || [ ! -f wasm/node_modules/terser/package.json ]; then
    (cd wasm && npm ci --no-audit --no-fund --loglevel=error)
fi

step "build"
bash scripts/build-wasm.sh

step "clippy (native and wasm32)"
cargo clippy -q -p rekry-wasm -p rekry-e2e --all-targets --no-deps --locked -- -D warnings
cargo clippy -q -p rekry-wasm --target wasm32-unknown-unknown --no-deps --locked -- -D warnings

step "rekry-wasm unit tests, property tests, doctests and docs"
cargo test -q -p rekry-wasm --locked
RUSTDOCFLAGS="-D warnings" cargo doc -q -p rekry-wasm -p rekry-e2e --no-deps --locked

step "Node tests"
node --test wasm/tests/*.test.mjs

step "end-to-end: wasm in Node against native core"
REKRY_E2E_REQUIRE_WASM=1 cargo test -q -p rekry-e2e --locked

step "browser tests (headless Chromium)"
node wasm/tests/browser.mjs

step "bench"
REKRY_BENCH_SECONDS="${REKRY_BENCH_SECONDS:-1}" bash scripts/bench-wasm.sh
