#!/usr/bin/env bash
# The test command of the README and of CI: installs what is missing, lints (scripts/lint.sh:
# swift-format's rules from .swift-format), builds, runs the unit
# and end-to-end tests, the language server's tests with a real LSP client (pytest-lsp), the
# server on loopback under schemathesis and the curl examples of docs/serve.md, the web app in
# headless Chromium with axe (scripts/web-tests.sh), a short wrk run
# against it (debug build: a smoke test, not a benchmark), then the CEL conformance suite.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
scripts/bootstrap.sh
scripts/lint.sh
swift build
swift test
if [ -f scripts/lsp-tests.sh ]; then scripts/lsp-tests.sh; fi
if [ -f scripts/serve-tests.sh ]; then scripts/serve-tests.sh; fi
if [ -f scripts/web-tests.sh ]; then scripts/web-tests.sh; fi
if [ -f scripts/bench-serve.sh ]; then BENCH_CONFIG=debug scripts/bench-serve.sh 2; fi
if [ -f scripts/conformance.sh ]; then scripts/conformance.sh; fi
