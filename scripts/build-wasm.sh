#!/usr/bin/env bash
# Builds the npm package of rekry-wasm into wasm/pkg/ (gitignored):
#
#   1. cargo build -p rekry-wasm --target wasm32-unknown-unknown --profile release-small
#   2. wasm-bindgen --target web          (ES module glue; index.js loads it in browsers and Node)
#   3. wasm-opt -Oz                       (Debian's binaryen)
#   4. copies the hand-written index.js, index.d.ts, package.json, README and licences
#   5. minifies the two JavaScript files a page loads (terser, pinned in wasm/package.json)
#
# Installs what is missing, idempotently: the wasm32 target, wasm-bindgen-cli at exactly the
# version of the wasm-bindgen crate in Cargo.lock, binaryen, Node and npm, and terser (npm ci
# in wasm/). Prints the gzipped sizes; the goal is .wasm + JavaScript <= 64 KiB gzipped.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown ||
    rustup target add wasm32-unknown-unknown

# wasm-bindgen-cli must match the crate exactly, or the glue and the module disagree.
want=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"$/\1/p' | head -n1)
if [ -z "$want" ]; then
    echo "build-wasm: wasm-bindgen not found in Cargo.lock" >&2
    exit 1
fi
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
    echo "build-wasm: installing wasm-bindgen-cli $want (found: ${have:-none})"
    # --locked uses the CLI's own lockfile; if the registry no longer has one of its pinned
    # versions, fall back to a fresh resolution of the same CLI version.
    cargo install wasm-bindgen-cli --version "$want" --locked ||
        cargo install wasm-bindgen-cli --version "$want"
fi
if ! command -v wasm-opt >/dev/null; then
    echo "build-wasm: installing binaryen (wasm-opt)"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends binaryen >/dev/null
fi
if ! command -v npm >/dev/null; then
    echo "build-wasm: installing Node and npm"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
if [ ! -f wasm/node_modules/terser/package.json ]; then
    (cd wasm && npm ci --no-audit --no-fund --loglevel=error)
fi

# WebAssembly 1.0 plus the features every current browser and Node >= 20 has, but without
# reference types and multi-value: Debian's wasm-opt (binaryen 108) mis-optimises
# wasm-bindgen's externref table. These flags get their own directory under the shared
# target/ so that they never invalidate other wasm32 builds of the workspace.
target_dir=$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
export CARGO_TARGET_DIR="$target_dir/wasm-pkg"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-C target-cpu=mvp -C target-feature=+bulk-memory,+sign-ext,+mutable-globals,+nontrapping-fptoint"
CARGO_PROFILE_RELEASE_SMALL_OPT_LEVEL=z cargo build -q -p rekry-wasm --locked --target wasm32-unknown-unknown --profile release-small
raw="$CARGO_TARGET_DIR/wasm32-unknown-unknown/release-small/rekry_wasm.wasm"

pkg=wasm/pkg
rm -rf "$pkg"
mkdir -p "$pkg"
# std is prebuilt with reference types; its target_features section would make wasm-bindgen
# expect them. Stripping it makes wasm-bindgen emit glue without an externref table.
wasm-opt "$raw" --strip-target-features \
    --enable-bulk-memory --enable-sign-ext --enable-mutable-globals \
    --enable-nontrapping-float-to-int --enable-reference-types --enable-multivalue \
    -o "$pkg/raw.wasm"
# index.js always passes the module or its URL, and every supported runtime has
# TextEncoder.encodeInto: the glue needs neither a default path nor a fallback.
wasm-bindgen "$pkg/raw.wasm" --out-dir "$pkg" --out-name rekry_wasm --target web --no-typescript \
    --omit-default-module-path --encode-into always
rm "$pkg/raw.wasm"
# The features enabled above; wasm-opt must be told it may keep them. --converge repeats -Oz
# while it still shrinks the module (a few hundred bytes).
wasm-opt -Oz --converge --strip-debug --strip-producers \
    --enable-bulk-memory --enable-sign-ext --enable-mutable-globals \
    --enable-nontrapping-float-to-int \
    "$pkg/rekry_wasm_bg.wasm" -o "$pkg/rekry_wasm_bg.wasm"
cp wasm/pkg-src/index.js wasm/pkg-src/index.d.ts wasm/pkg-src/package.json "$pkg/"
cp wasm/README.md LICENSE-MIT LICENSE-APACHE "$pkg/"
# Comments, whitespace and long local names are half of the JavaScript's gzipped size. The
# readable sources are wasm/pkg-src/index.js and wasm-bindgen's output; the webpackIgnore
# comment stays, bundlers read it.
for js in rekry_wasm.js index.js; do
    node wasm/node_modules/terser/bin/terser "$pkg/$js" --module --compress passes=2 --mangle \
        --comments '/webpackIgnore/' -o "$pkg/$js.min"
    mv "$pkg/$js.min" "$pkg/$js"
done

gz() { gzip -9 -c "$1" | wc -c; }
wasm_gz=$(gz "$pkg/rekry_wasm_bg.wasm")
glue_gz=$(($(gz "$pkg/rekry_wasm.js") + $(gz "$pkg/index.js")))
printf 'rekry-wasm: %-34s %7d bytes, %6d gzipped\n' "rekry_wasm_bg.wasm" "$(wc -c <"$pkg/rekry_wasm_bg.wasm")" "$wasm_gz"
printf 'rekry-wasm: %-34s %7d bytes, %6d gzipped\n' "JS glue (rekry_wasm.js + index.js)" \
    "$(($(wc -c <"$pkg/rekry_wasm.js") + $(wc -c <"$pkg/index.js")))" "$glue_gz"
total=$((wasm_gz + glue_gz))
awk -v t="$total" 'BEGIN { printf "rekry-wasm: total %d bytes gzipped (%.1f KiB; goal <= 64 KiB)\n", t, t / 1024 }'
