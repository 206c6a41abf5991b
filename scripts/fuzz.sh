#!/usr/bin/env bash
# Builds the libFuzzer targets of Fuzz/ (a separate package, so the root `swift build` and
# `swift test` never build them) and runs each for a fixed time on its committed seed corpus.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     SECONDS per target, default 60; TARGET in yaml cel dossier rules
#
# New corpus entries go to a temporary directory (printed), never into Fuzz/Corpus/. A crash
# stops that target; its input is left in $FUZZ_ARTIFACTS (default .build-fuzz/artifacts/) and
# the script exits 1 after running the others. Prints the executions each target ran.
# Environment: FUZZ_JOBS (parallel libFuzzer workers per target, default 1), FUZZ_ARTIFACTS.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"

seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(yaml cel dossier rules); fi
scratch=.build-fuzz
artifacts="${FUZZ_ARTIFACTS:-$scratch/artifacts}"
mkdir -p "$artifacts"
work="$(mktemp -d "${TMPDIR:-/tmp}/appraise-fuzz.XXXXXX")"
echo "fuzz: new corpus entries and logs in $work"

# The Swift backtracer's crash handler reads memory ASan forbids; libFuzzer reports instead.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1}"

for target in "${targets[@]}"; do
    echo "fuzz: building fuzz-$target (release, -sanitize=fuzzer,address)"
    swift build -c release --package-path Fuzz --scratch-path "$scratch" --product "fuzz-$target" \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library >"$work/build-$target.log" 2>&1 \
        || { cat "$work/build-$target.log"; echo "fuzz: build of fuzz-$target failed" >&2; exit 2; }
done

summary=()
failed=0
for target in "${targets[@]}"; do
    corpus="$work/corpus-$target"
    mkdir -p "$corpus"
    log="$work/$target.log"
    dict=()
    if [ -f "Fuzz/Dictionaries/$target.dict" ]; then dict=(-dict="Fuzz/Dictionaries/$target.dict"); fi
    echo "fuzz: running fuzz-$target for ${seconds}s"
    set +e
    seeds=("Fuzz/Corpus/$target")
    # The rule-file target is also seeded with the shipped rule files themselves.
    if [ "$target" = rules ]; then seeds+=(rules); fi
    "$scratch/release/fuzz-$target" "$corpus" "${seeds[@]}" "${dict[@]}" \
        -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$artifacts/$target-" >"$log" 2>&1
    status=$?
    set -e
    runs="$(grep -E '^stat::number_of_executed_units:' "$log" | awk '{print $2}' | tail -1)"
    if [ -z "$runs" ]; then runs="$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#')"; fi
    if [ "$status" -eq 0 ]; then
        summary+=("fuzz-$target: ${runs:-0} executions in ${seconds}s, no crash")
    else
        failed=1
        crash="$(grep -oE "Test unit written to [^ ]+" "$log" | tail -1 | sed 's/Test unit written to //')"
        tail -60 "$log"
        summary+=("fuzz-$target: CRASH after ${runs:-?} executions; input: ${crash:-see $log}")
    fi
done

echo
echo "fuzz summary (${seconds}s per target):"
printf '  %s\n' "${summary[@]}"
exit "$failed"
