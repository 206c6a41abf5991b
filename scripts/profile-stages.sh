#!/bin/sh
# Instructions (callgrind) and heap allocations (memcheck) per dossier for each stage, on one
# thread: floor (read + libyaml events), load (+ tree, schema typing, digest), rules (+ the
# candidate rules). Each stage runs at two counts; the difference divided by the extra
# dossiers leaves process start and rule preparation out. Stable on a busy machine, unlike
# wall-clock time. Usage: [BENCH=path/to/appraise-bench] scripts/profile-stages.sh [DIR] [LOW] [HIGH]
set -eu
cd "$(dirname "$0")/.."
dir="${1:-/tmp/appraise-profile-1000}"
low="${2:-100}"
high="${3:-300}"
count="$high"
. scripts/stripped-bench.sh
instructions() { # stage count
    valgrind --tool=callgrind --callgrind-out-file="$work/cg" "$bench" profile "$1" "$dir" --count "$2" \
        --rules rules >/dev/null 2>"$work/log"
    sed -n 's/^summary: *//p' "$work/cg"
}
allocations() { # stage count
    valgrind --tool=memcheck --leak-check=no "$bench" profile "$1" "$dir" --count "$2" --rules rules \
        >/dev/null 2>"$work/log"
    sed -n 's/.*total heap usage: \([0-9,]*\) allocs.*/\1/p' "$work/log" | tr -d ,
}
printf '%-6s %16s %16s\n' stage "instr/dossier" "mallocs/dossier"
for stage in floor load rules; do
    i1=$(instructions "$stage" "$low"); i2=$(instructions "$stage" "$high")
    a1=$(allocations "$stage" "$low"); a2=$(allocations "$stage" "$high")
    printf '%-6s %16d %16d\n' "$stage" $(( (i2 - i1) / (high - low) )) $(( (a2 - a1) / (high - low) ))
done
