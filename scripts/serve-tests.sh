#!/usr/bin/env bash
# Runs schemathesis against a live `appraise serve` on loopback: every endpoint of
# docs/openapi.json, with generated valid and invalid inputs. Passes when no answer is a 5xx
# and every answer conforms to the document; then runs the curl examples of docs/serve.md.
# Installs schemathesis (PyPI) when missing.
# Usage: scripts/serve-tests.sh [PORT]   (default 18080; needs `swift build` first)
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-18080}"
export PATH="$(python3 -m site --user-base)/bin:$PATH"   # where pip --user puts commands
if ! command -v schemathesis >/dev/null 2>&1; then
    echo "serve-tests: installing schemathesis" >&2
    python3 -m pip install --quiet schemathesis 2>/dev/null || python3 -m pip install --quiet --user schemathesis
fi
binary=.build/debug/appraise
[ -x "$binary" ] || { echo "error: $binary is not built: run swift build" >&2; exit 2; }
log="$(mktemp)"
# The workspace is a temporary copy of candidates/: POST /v1/decisions writes to its decisions
# file (schemathesis's bodies are refused before anything is written; the curl example lands).
workspace="$(mktemp -d)"
cp -r candidates "$workspace/"
"$binary" serve --host 127.0.0.1 --port "$port" --workspace "$workspace/candidates" 2>"$log" &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$log" "$workspace"' EXIT
for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    kill -0 "$server" 2>/dev/null || { cat "$log" >&2; exit 2; }
    sleep 0.2
done
# schemathesis keeps its state (.schemathesis/) in its working folder: a temporary one.
workdir="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$log" "$workdir" "$workspace"' EXIT
(cd "$workdir" && schemathesis run "http://127.0.0.1:$port/v1/openapi.json" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
    --max-examples "${SCHEMATHESIS_EXAMPLES:-25}" --request-timeout 60)
# The server is still healthy after everything schemathesis sent, and none of its bodies was
# recorded as a decision.
curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null
cmp -s candidates/decisions.yaml "$workspace/candidates/decisions.yaml" \
    || { echo "serve-tests: schemathesis changed the decisions file" >&2; exit 1; }
# The curl examples of docs/serve.md, each answering 2xx (the --tokens one needs a token file).
examples="$(awk '/^## Endpoints, with curl/ {on = 1} on && /^```sh/ {inside = 1; next} inside && /^```/ {exit} inside' docs/serve.md \
    | grep -v 'Authorization' | sed -e "s/localhost:8080/127.0.0.1:$port/g" -e 's/curl -s /curl -sf -o \/dev\/null /g')"
bash -euo pipefail -c "$examples"
echo "docs/serve.md: every curl example answered 2xx"
grep -q 'candidate: "NB-2025-007"' "$workspace/candidates/decisions.yaml" \
    || { echo "serve-tests: the decision of the curl example was not recorded" >&2; exit 1; }
