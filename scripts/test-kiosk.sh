#!/usr/bin/env bash
# Runs the rekry-kiosk crate's tests: storage, failure cases (corrupt, read-only, disk full,
# locked, tampered bundles), export/import round trips, the CLI, the SIGKILL crash test and
# the app's UI tests. Exits non-zero on any failure.
#
#   REKRY_CRASH_RUNS=500 scripts/test-kiosk.sh   # the long crash test (default: 50 kills)
#
# The read-only and disk-full tests mount a read-only bind mount and a small tmpfs, which
# needs root (CI and the dev machines run as root); elsewhere they print SKIP and pass.
set -euo pipefail
cd "$(dirname "$0")/.."

export REKRY_CRASH_RUNS="${REKRY_CRASH_RUNS:-50}"
echo "rekry-kiosk tests (crash test: ${REKRY_CRASH_RUNS} SIGKILLs)"
# The crash test kills a real writer process, so the binary must be built first; cargo test
# does that. --benches compiles the storage benchmark and runs it in its quick mode.
cargo test -p rekry-kiosk --all-targets --no-fail-fast
cargo test -p rekry-kiosk --doc
