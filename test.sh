#!/usr/bin/env bash
# Installs whatever is missing on a fresh Debian machine with Rust (rustup targets and
# components, Debian and npm packages, cargo tools) and runs every test, lint and no_std build.
# Idempotent: a second run installs nothing.
#
#   ./test.sh            everything (what CI runs)
#   ./test.sh --quick    skip the slow end-to-end suites (kiosk UI, browser, crash test counts)
#
# Environment: REKRY_CRASH_RUNS (default 50) sets how many times the crash test kills a writer.
set -euo pipefail
cd "$(dirname "$0")"

QUICK=0
for arg in "$@"; do
    case "$arg" in
        --quick) QUICK=1 ;;
        -h | --help) sed -n '2,10p' "$0"; exit 0 ;;
        *) echo "test.sh: unknown option $arg" >&2; exit 2 ;;
    esac
done
export QUICK
export CARGO_TERM_COLOR=never
# A one-shot run gains nothing from incremental caches, which were a quarter of target/ here.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"
start=$(date +%s)
step() { printf '\n==> [%4ss] %s\n' "$(($(date +%s) - start))" "$*"; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

step "Installing what is missing"
# A cold run writes about 7 GiB to target/ and the tool caches; say so up front rather than
# failing half-way with "No space left on device".
NEED_GIB=8
free_kib=$(df -Pk . | awk 'NR == 2 { print $4 }')
if [ "${free_kib:-0}" -lt $((NEED_GIB * 1024 * 1024)) ]; then
    echo "warning: $((free_kib / 1024 / 1024)) GiB free here; a cold run needs about $NEED_GIB GiB" >&2
fi
apt_packages=()
command -v arm-none-eabi-size >/dev/null || apt_packages+=(binutils-arm-none-eabi)
command -v wasm-opt >/dev/null || apt_packages+=(binaryen)
[ -x /usr/bin/chromium ] || apt_packages+=(chromium)
command -v Xvfb >/dev/null || apt_packages+=(xvfb)
command -v xwd >/dev/null || apt_packages+=(x11-apps)
dpkg -s imagemagick >/dev/null 2>&1 || apt_packages+=(imagemagick)
dpkg -s gettext >/dev/null 2>&1 || apt_packages+=(gettext)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || apt_packages+=(fonts-dejavu-core)
dpkg -s libfontconfig-dev >/dev/null 2>&1 || apt_packages+=(libfontconfig-dev)
dpkg -s libxkbcommon-dev >/dev/null 2>&1 || apt_packages+=(libxkbcommon-dev)
if [ "${#apt_packages[@]}" -gt 0 ]; then
    echo "apt: ${apt_packages[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${apt_packages[@]}" >/dev/null
fi
rustup target add thumbv7em-none-eabihf wasm32-unknown-unknown >/dev/null 2>&1 ||
    rustup target add thumbv7em-none-eabihf wasm32-unknown-unknown
rustup component add rustfmt clippy >/dev/null 2>&1 || rustup component add rustfmt clippy

step "Formatting"
cargo fmt --all -- --check

step "Clippy (-D warnings)"
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo clippy -p rekry-core --all-targets --all-features --locked -- -D warnings

step "rekry-core: no_std builds, each feature on its own"
for target in thumbv7em-none-eabihf wasm32-unknown-unknown; do
    for features in "" alloc serde postcard json graphics "postcard,json,graphics"; do
        echo "  $target [${features:-no features}]"
        cargo build -q -p rekry-core --locked --target "$target" --no-default-features ${features:+--features "$features"}
    done
done
cargo check -q -p rekry-core --locked --features std

step "rekry-core: tests, property tests and doctests"
cargo test -p rekry-core --locked --all-features
cargo test -p rekry-core --locked --no-default-features --lib

step "rekry-core: docs without warnings, package ready for crates.io"
RUSTDOCFLAGS="-D warnings" cargo doc -q -p rekry-core --all-features --no-deps --locked
cargo package -q -p rekry-core --locked --allow-dirty

step "Examples"
cargo test -p rekry-examples --locked
cargo test -p rekry-examples --locked --examples
if [ -x scripts/firmware-size.sh ]; then bash scripts/firmware-size.sh; fi

step "Fuzz targets compile"
if [ -f core/fuzz/Cargo.toml ]; then
    cargo +nightly check -q --manifest-path core/fuzz/Cargo.toml --bins
fi

for part in kiosk ui wasm; do
    if [ -f "scripts/test-$part.sh" ]; then
        step "scripts/test-$part.sh"
        bash "scripts/test-$part.sh"
    fi
done

step "All tests passed in $(($(date +%s) - start)) s"
