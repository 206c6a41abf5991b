#!/bin/sh
# Benchmark appraise against libyaml's parsing floor (docs/performance.md).
# Usage: scripts/bench.sh [COUNT [OPTIONS...]]   (default 20000; dossiers go to
# /tmp/appraise-bench-COUNT; OPTIONS go to `appraise-bench run`, such as `--pairs 9` to take
# the ratio's median over nine floor/screen pairs when it sits near the target).
set -eu
cd "$(dirname "$0")/.."
count="${1:-20000}"
if [ "$#" -gt 0 ]; then shift; fi
dir="${BENCH_DIR:-/tmp/appraise-bench-$count}"
# The Swift runtime and Foundation linked in (as README's Install does): no dynamic loading
# of them at each start, and direct calls into the runtime (docs/performance.md).
swift build -c release --static-swift-stdlib --product appraise >/dev/null
swift build -c release --static-swift-stdlib --product appraise-bench >/dev/null
if [ ! -d "$dir" ] || [ "$(find "$dir" -name '*.yaml' | wc -l)" -ne "$count" ]; then
    rm -rf "$dir"
    .build/release/appraise-bench generate --count "$count" --seed 1 --out "$dir"
fi
exec .build/release/appraise-bench run "$dir" --rules rules "$@"
