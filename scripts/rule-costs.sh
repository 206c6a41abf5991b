#!/bin/sh
# What each candidate rule costs: instructions per dossier (callgrind) of the `rules` stage
# with only that rule, minus the `load` stage, over the same dossiers, and the findings it
# gave per dossier. The most expensive first. Deterministic (one thread, no timing); rule
# authors use it to see what a new rule adds. Usage:
#   [BENCH=path/to/appraise-bench] [RULES=rules] scripts/rule-costs.sh [DIR] [COUNT]
# (defaults /tmp/appraise-profile-1000 and 100; DIR is generated when missing).
set -eu
cd "$(dirname "$0")/.."
dir="${1:-/tmp/appraise-profile-1000}"
count="${2:-100}"
rules="${RULES:-rules}"
[ -n "${BENCH:-}" ] || swift build -c release --static-swift-stdlib --product appraise-bench >/dev/null
. scripts/stripped-bench.sh
run() { # stage [rule]: prints "instructions checksum"
    SWIFT_DETERMINISTIC_HASHING=1 valgrind --tool=callgrind --callgrind-out-file="$work/cg" "$bench" profile "$1" "$dir" \
        --count "$count" --rules "$rules" ${2:+--rule "$2"} >"$work/out" 2>"$work/log"
    printf '%s %s\n' "$(sed -n 's/^summary: *//p' "$work/cg")" "$(sed -n 's/.*checksum //p' "$work/out")"
}
set -- $(run load)
base=$1 loaded=$2
"$bench" profile rules "$dir" --rules "$rules" --list-rules >"$work/ids"
printf '%-28s %14s %18s\n' rule "instr/dossier" "findings/dossier"
while read -r id; do
    set -- $(run rules "$id")
    # The rules checksum adds the findings to the load stage's count of dossiers.
    awk -v id="$id" -v i="$1" -v b="$base" -v c="$2" -v l="$loaded" -v n="$count" \
        'BEGIN { printf "%-28s %14d %18.2f\n", id, (i - b) / n, (c - l) / n }'
done <"$work/ids" | sort -k2 -n -r
