#!/usr/bin/env bash
# End-to-end tests of `appraise lsp` with a real LSP client (pytest-lsp, on PyPI), as
# docs/editor.md describes. Installs pytest-lsp for this user when it is missing, builds
# appraise, then runs Tests/lsp. Set APPRAISE to test another binary.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"

if ! python3 -c 'import pytest_lsp' 2>/dev/null; then
    echo "lsp-tests: installing pytest-lsp" >&2
    python3 -m pip install --quiet --user pytest-lsp 2>/dev/null || python3 -m pip install --quiet pytest-lsp
fi
if [ -z "${APPRAISE:-}" ]; then
    swift build --product appraise >&2
    export APPRAISE="$PWD/.build/debug/appraise"
fi
export PYTHONDONTWRITEBYTECODE=1
exec python3 -m pytest Tests/lsp -q -p no:cacheprovider "$@"
