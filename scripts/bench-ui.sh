#!/usr/bin/env bash
# The kiosk UI benchmark: headless figures (cold start to first frame, RSS, median
# full-frame software render time at 1280×800 and 1920×1080), then the release binary in a
# real window under Xvfb (launch to start screen on the X screen, RSS with the window shown).
set -euo pipefail
cd "$(dirname "$0")/.."
# The release profile, so the release binary below reuses the same build.
cargo bench -p rekry-kiosk --locked --profile release --bench ui
cargo build -p rekry-kiosk --release --locked
bash scripts/xvfb-window.sh target/release/rekry-kiosk
