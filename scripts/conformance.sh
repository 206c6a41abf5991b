#!/bin/sh
# Builds appraise and runs the CEL conformance cases (Tests/Conformance/cel, converted from
# cel-spec; see its README.md) against `appraise eval`.
# Usage: scripts/conformance.sh [extra run.py options]. CONFORMANCE_DIR overrides the cases' folder.
set -eu
cd "$(dirname "$0")/.."
SCRATCH="${SCRATCH_PATH:-.build}"
DIR="${CONFORMANCE_DIR:-Tests/Conformance/cel}"
[ -f "$DIR/run.py" ] || { echo "error: no conformance runner at $DIR/run.py" >&2; exit 2; }
swift build --scratch-path "$SCRATCH" --product appraise
exec python3 "$DIR/run.py" --cli "$SCRATCH/debug/appraise" --cases "$DIR"/*.jsonl "$@"
