#!/bin/sh
# Builds appraise and runs the CEL conformance cases against `appraise eval`.
# Usage: scripts/conformance.sh [extra run.py options]. Set CONFORMANCE_DIR to the cases'
# folder (default: ../shared/conformance/cel beside the checkout, else /work/shared/...).
set -eu
cd "$(dirname "$0")/.."
SCRATCH="${SCRATCH_PATH:-.build}"
DIR="${CONFORMANCE_DIR:-}"
if [ -z "$DIR" ]; then
    for candidate in ../shared/conformance/cel /work/shared/conformance/cel; do
        if [ -d "$candidate" ]; then DIR="$candidate"; break; fi
    done
fi
[ -n "$DIR" ] || { echo "error: conformance cases not found; set CONFORMANCE_DIR" >&2; exit 2; }
swift build --scratch-path "$SCRATCH" --product appraise
exec python3 "$DIR/run.py" --cli "$SCRATCH/debug/appraise" --cases "$DIR"/*.jsonl "$@"
