#!/usr/bin/env bash
# Builds the no_std firmware example for thumbv7em-none-eabihf (release: opt-level "z", fat
# LTO, one codegen unit, panic = abort) and prints its .text size. Fails when .text is over
# the 48 KiB budget (issue 3), so a change that bloats the embedded build is caught in CI.
#
#   scripts/firmware-size.sh          needs the thumbv7em-none-eabihf target and
#                                     arm-none-eabi-size (Debian: binutils-arm-none-eabi)
set -euo pipefail
cd "$(dirname "$0")/.."

BUDGET=$((48 * 1024))
MANIFEST=examples/firmware/Cargo.toml
ELF=examples/firmware/target/thumbv7em-none-eabihf/release/rekry-firmware

command -v arm-none-eabi-size >/dev/null || {
    echo "firmware-size: arm-none-eabi-size not found (apt-get install binutils-arm-none-eabi)" >&2
    exit 1
}
# The firmware has its own lock file; --locked keeps CI on the versions committed with it.
cargo build -q --locked --manifest-path "$MANIFEST" --target thumbv7em-none-eabihf --release

text=$(arm-none-eabi-size -A "$ELF" | awk '$1 == ".text" { print $2 }')
if [ -z "$text" ]; then
    echo "firmware-size: no .text section in $ELF" >&2
    exit 1
fi
kib=$(awk -v b="$text" 'BEGIN { printf "%.1f", b / 1024 }')
echo "firmware .text: $text bytes ($kib KiB; budget $BUDGET bytes = 48 KiB)"
if [ "$text" -gt "$BUDGET" ]; then
    echo "firmware-size: .text is over the 48 KiB budget" >&2
    exit 1
fi
