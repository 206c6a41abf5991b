#!/usr/bin/env bash
# Renders an HTML report to a PNG with headless Chromium and checks the picture is not
# blank, so a broken report is caught by eye and by CI.
#
#   scripts/render-html.sh REPORT.html [OUT.png] [MIN_KB]
#
# Installs chromium with apt-get when it is missing (needs root, as in CI containers).
set -euo pipefail

html=${1:?usage: render-html.sh REPORT.html [OUT.png] [MIN_KB]}
out=${2:-report.png}
min_kb=${3:-20}

if [[ ! -f "$html" ]]; then
    echo "render-html: no such file: $html" >&2
    exit 2
fi

browser=""
for candidate in chromium chromium-browser google-chrome; do
    if command -v "$candidate" >/dev/null 2>&1; then browser=$candidate; break; fi
done
if [[ -z "$browser" ]]; then
    echo "render-html: installing chromium" >&2
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
    browser=chromium
fi

html_abs=$(cd "$(dirname "$html")" && pwd)/$(basename "$html")
out_abs=$(cd "$(dirname "$out")" && pwd)/$(basename "$out")
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --user-data-dir="$profile" --window-size=1280,1600 \
    --screenshot="$out_abs" "file://$html_abs" >/dev/null 2>&1 || true

if [[ ! -s "$out_abs" ]]; then
    echo "render-html: $browser wrote no screenshot" >&2
    exit 1
fi
size_kb=$(( $(stat -c %s "$out_abs") / 1024 ))
if (( size_kb < min_kb )); then
    echo "render-html: $out is only ${size_kb} KB (< ${min_kb} KB): the page looks blank" >&2
    exit 1
fi
echo "render-html: wrote $out (${size_kb} KB)"
