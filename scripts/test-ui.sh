#!/usr/bin/env bash
# The kiosk UI's tests: interaction tests (Slint's testing backend), screenshot tests
# (software renderer, 1280×800, Swedish and English) and a real window under Xvfb.
# Installs what it needs (Xvfb, xwd, ImageMagick) when missing; exits non-zero on failure.
#
#   scripts/test-ui.sh            everything
#   scripts/test-ui.sh --bench    also print the UI benchmark (cold start, RSS, render time)
#
# REKRY_UPDATE_SCREENSHOTS=1 regenerates the reference screenshots instead of comparing.
set -euo pipefail
cd "$(dirname "$0")/.."

BENCH=0
for arg in "$@"; do
    case "$arg" in
        --bench) BENCH=1 ;;
        -h | --help) sed -n '2,9p' "$0"; exit 0 ;;
        *) echo "test-ui.sh: unknown option $arg" >&2; exit 2 ;;
    esac
done

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
command -v Xvfb >/dev/null || missing+=(xvfb)
command -v xwd >/dev/null || missing+=(x11-apps)
command -v xwininfo >/dev/null || missing+=(x11-utils)
dpkg -s imagemagick >/dev/null 2>&1 || missing+=(imagemagick)
dpkg -s libxkbcommon-x11-0 >/dev/null 2>&1 || missing+=(libxkbcommon-x11-0)
dpkg -s libfontconfig-dev >/dev/null 2>&1 || missing+=(libfontconfig-dev)
if [ "${#missing[@]}" -gt 0 ]; then
    echo "apt: ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

echo "==> kiosk UI: interaction and screenshot tests"
cargo test -p rekry-kiosk --locked --test ui_flows --test ui_screenshots --test ui_contrast

echo "==> kiosk UI: a real window under Xvfb"
cargo build -p rekry-kiosk --release --locked
bash scripts/xvfb-window.sh target/release/rekry-kiosk

if [ "$BENCH" = 1 ]; then
    bash scripts/bench-ui.sh
fi
