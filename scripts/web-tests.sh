#!/usr/bin/env bash
# The web app's end-to-end tests in a real browser (Tests/web/, pytest + selenium + headless
# Chromium + axe): starts the built `appraise serve --workspace` on loopback over a copy of
# candidates/ (the tests record decisions into it), runs pytest, stops the server.
# Installs Debian's chromium and chromium-driver and PyPI's selenium, axe-selenium-python and
# pytest when missing. Builds nothing: run `swift build` first.
# Usage: scripts/web-tests.sh [PYTEST-ARGS...]   (WEB_SCREENSHOTS=DIR also saves a screenshot of each page)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$(python3 -m site --user-base)/bin:$PATH"
if ! command -v chromedriver >/dev/null 2>&1 || ! { command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; }; then
    echo "web-tests: installing chromium and chromium-driver" >&2
    sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get install -y chromium chromium-driver >/dev/null || { $sudo apt-get update >/dev/null && $sudo apt-get install -y chromium chromium-driver >/dev/null; }
fi
if ! python3 -c 'import selenium, axe_selenium_python, pytest' 2>/dev/null; then
    echo "web-tests: installing selenium, axe-selenium-python and pytest" >&2
    python3 -m pip install --quiet selenium axe-selenium-python pytest 2>/dev/null \
        || python3 -m pip install --quiet --user selenium axe-selenium-python pytest 2>/dev/null \
        || python3 -m pip install --quiet --break-system-packages selenium axe-selenium-python pytest
fi
binary="$(swift build --show-bin-path)/appraise"
[ -x "$binary" ] || { echo "error: $binary is not built: run swift build" >&2; exit 2; }
workspace="$(mktemp -d)"
log="$(mktemp)"
cp -R candidates/. "$workspace/"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
"$binary" serve --host 127.0.0.1 --port "$port" --workspace "$workspace" 2>"$log" &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$workspace" "$log"' EXIT
for _ in $(seq 1 150); do
    curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    kill -0 "$server" 2>/dev/null || { cat "$log" >&2; exit 2; }
    sleep 0.2
done
curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null || { cat "$log" >&2; exit 2; }
APPRAISE_URL="http://127.0.0.1:$port" APPRAISE_WORKSPACE="$workspace" \
    python3 -m pytest -q -p no:cacheprovider Tests/web "$@"
