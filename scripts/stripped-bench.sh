# Sourced by the callgrind scripts (profile-stages.sh, rule-costs.sh), with `dir` and `count`
# set: makes `work`, a temporary folder removed on exit, and `bench`, a copy of appraise-bench
# (BENCH, else the release build) without debug info — valgrind gives up on the DWARF of Swift
# release builds; the symbol table is enough — and generates `count` dossiers into `dir` when
# it is missing.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bench="$work/appraise-bench"
objcopy --strip-debug "${BENCH:-.build/release/appraise-bench}" "$bench"
if [ ! -d "$dir" ]; then "$bench" generate --count "$count" --seed 1 --out "$dir" >/dev/null; fi
