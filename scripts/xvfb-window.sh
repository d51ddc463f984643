#!/usr/bin/env bash
# Starts the kiosk binary in a real X window under Xvfb, takes a screenshot, checks that it
# shows the start screen (its blue background and white start button where they belong),
# then stops the app with SIGTERM and requires a clean exit (status 0).
#
#   scripts/xvfb-window.sh [BINARY]      (default: target/release/rekry-kiosk)
#
# Prints the time from launch until the start screen was on the X screen. The screenshot is
# kept in target/xvfb-start.png.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${1:-target/release/rekry-kiosk}"
[ -x "$BIN" ] || { echo "xvfb-window.sh: $BIN not built" >&2; exit 2; }
for tool in Xvfb xwd convert; do
    command -v "$tool" >/dev/null || { echo "xvfb-window.sh: $tool missing (apt-get install xvfb x11-apps imagemagick)" >&2; exit 2; }
done

display=":$((90 + RANDOM % 400))"
data=$(mktemp -d)
shot="target/xvfb-start.png"
xvfb_pid=""
app_pid=""
cleanup() {
    [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$data"
}
trap cleanup EXIT

Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 100); do
    xwd -root -silent -display "$display" >/dev/null 2>&1 && break
    sleep 0.05
done

# The colour of a region, as "r,g,b" 0-255 (mean over the region).
region() { convert "$1" -crop "$2" +repage -scale '1x1!' -format '%[fx:int(255*r+.5)],%[fx:int(255*g+.5)],%[fx:int(255*b+.5)]' info:; }
near() { # near "r,g,b" "r,g,b": every channel within 12
    IFS=, read -r a b c <<<"$1"; IFS=, read -r x y z <<<"$2"
    [ $(( (a-x)*(a-x) < 145 && (b-y)*(b-y) < 145 && (c-z)*(c-z) < 145 )) = 1 ]
}

start=$(date +%s%N)
DISPLAY="$display" WAYLAND_DISPLAY= "$BIN" --data-dir "$data" --fullscreen &
app_pid=$!
# Launch until the window is mapped (cheap to poll), then until its pixels show the start screen.
mapped=""
if command -v xwininfo >/dev/null; then
    for _ in $(seq 1000); do
        if xwininfo -display "$display" -name Rekry 2>/dev/null | grep -q "IsViewable"; then
            mapped=$(( ($(date +%s%N) - start) / 1000000 ))
            break
        fi
        sleep 0.01
    done
fi
shown=""
for _ in $(seq 200); do
    if xwd -root -silent -display "$display" 2>/dev/null | convert xwd:- "$shot" 2>/dev/null; then
        # An empty strip of the blue background, and the middle of the white start button.
        if near "$(region "$shot" 400x20+300+110)" "11,79,156" && near "$(region "$shot" 200x8+540+456)" "255,255,255"; then
            shown=$(( ($(date +%s%N) - start) / 1000000 ))
            break
        fi
    fi
    kill -0 "$app_pid" 2>/dev/null || { echo "xvfb-window.sh: the app exited early" >&2; wait "$app_pid" || true; exit 1; }
    sleep 0.05
done
if [ -z "$shown" ]; then
    echo "xvfb-window.sh: the start screen did not appear within 10 s (screenshot: $shot)" >&2
    exit 1
fi
[ -n "$mapped" ] && echo "window mapped after ${mapped} ms (launch to mapped, polled every 10 ms)"
echo "start screen verified on the X screen after ${shown} ms (includes the xwd+convert polling); screenshot: $shot"
rss=$(awk '/VmRSS/ {print $2}' "/proc/$app_pid/status")
echo "RSS with the start screen shown: $((rss / 1024)) MiB"

kill -TERM "$app_pid"
status=0
wait "$app_pid" || status=$?
app_pid=""
if [ "$status" -ne 0 ]; then
    echo "xvfb-window.sh: the app exited with status $status after SIGTERM (expected 0)" >&2
    exit 1
fi
echo "SIGTERM: clean exit (status 0)"
echo "1 passed, 0 failed"
