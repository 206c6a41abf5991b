#!/bin/sh
# Benchmark appraise against libyaml's parsing floor (docs/performance.md).
# Usage: scripts/bench.sh [COUNT]   (default 20000; dossiers go to /tmp/appraise-bench-COUNT)
set -eu
cd "$(dirname "$0")/.."
count="${1:-20000}"
dir="${BENCH_DIR:-/tmp/appraise-bench-$count}"
swift build -c release --product appraise >/dev/null
swift build -c release --product appraise-bench >/dev/null
if [ ! -d "$dir" ] || [ "$(find "$dir" -name '*.yaml' | wc -l)" -ne "$count" ]; then
    rm -rf "$dir"
    .build/release/appraise-bench generate --count "$count" --seed 1 --out "$dir"
fi
exec .build/release/appraise-bench run "$dir" --rules rules
