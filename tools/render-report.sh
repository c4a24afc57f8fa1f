#!/bin/sh
# Renders a jbridge HTML report (`jbridge report … -o report.html`, `jbridge validate … --format html`)
# to a PNG screenshot with headless Chromium, to check how the page looks without a desktop.
#
#   tools/render-report.sh REPORT.html OUT.png [WIDTH,HEIGHT]
#
# WIDTH,HEIGHT is the browser window (default 1280,2000); the screenshot is that size. Chromium comes
# from Debian: `apt-get install -y chromium`. It runs without network access to anything: the page
# is self-contained, and background networking, updates and sync are switched off. A throw-away
# profile directory is used and removed afterwards.
set -eu

if [ $# -lt 2 ] || [ $# -gt 3 ]; then
    echo "usage: $0 REPORT.html OUT.png [WIDTH,HEIGHT]" >&2
    exit 2
fi
html=$1
png=$2
size=${3:-1280,2000}

if [ ! -f "$html" ]; then
    echo "$0: $html: no such file" >&2
    exit 2
fi
browser=""
for candidate in chromium chromium-browser google-chrome; do
    if command -v "$candidate" >/dev/null 2>&1; then
        browser=$candidate
        break
    fi
done
if [ -z "$browser" ]; then
    echo "$0: no Chromium found; install it with: apt-get install -y chromium" >&2
    exit 2
fi

html_abs=$(cd "$(dirname "$html")" && pwd)/$(basename "$html")
png_dir=$(cd "$(dirname "$png")" && pwd)
png_abs=$png_dir/$(basename "$png")
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT INT TERM

rm -f "$png_abs"
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --user-data-dir="$profile" \
    --screenshot="$png_abs" --window-size="$size" "file://$html_abs" >/dev/null 2>&1 || true

if [ ! -s "$png_abs" ]; then
    echo "$0: Chromium wrote no screenshot for $html" >&2
    exit 1
fi
echo "wrote $png_abs"
