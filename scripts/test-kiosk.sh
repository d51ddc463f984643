#!/usr/bin/env bash
# Runs the rekry-kiosk crate's storage and CLI tests: unit tests, storage, failure cases
# (corrupt, read-only, disk full, locked, tampered bundles), export/import round trips, the
# CLI, the SIGKILL crash test, the doc tests, and the storage benchmark in its quick mode.
# The UI's tests (kiosk/tests/ui_*.rs) are run by scripts/test-ui.sh. Exits non-zero on any
# failure.
#
#   REKRY_CRASH_RUNS=500 scripts/test-kiosk.sh   # the long crash test (default: 50 kills)
#
# The read-only and disk-full tests make a read-only bind mount and a small tmpfs, which
# needs root (CI and the dev machines run as root); elsewhere they print SKIP and pass.
set -euo pipefail
cd "$(dirname "$0")/.."

export REKRY_CRASH_RUNS="${REKRY_CRASH_RUNS:-50}"
echo "rekry-kiosk storage and CLI tests (crash test: ${REKRY_CRASH_RUNS} SIGKILLs)"

tests=()
for f in kiosk/tests/*.rs; do
    name=$(basename "$f" .rs)
    case "$name" in ui_*) continue ;; esac
    tests+=(--test "$name")
done
# The crash and CLI tests run the real binary; cargo test builds it first.
cargo test -p rekry-kiosk --locked --no-fail-fast --lib --bins --benches "${tests[@]}"
cargo test -p rekry-kiosk --locked --doc
