#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer and ThreadSanitizer, each in its own
# scratch directory (.build-asan, .build-tsan) so the normal .build is never rebuilt.
#
#   scripts/sanitizers.sh [address|thread]...     default: both
#
# Prints one summary line per sanitizer (result, test counts, time) and exits 1 if any run
# failed or a sanitizer reported a problem. Logs stay in .build-<name>/sanitizer.log.
# Once `appraise screen --jobs N` exists, the thread run must exercise it (CLITests do).
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"

sanitizers=("$@")
if [ ${#sanitizers[@]} -eq 0 ]; then sanitizers=(address thread); fi

# The Swift backtracer's crash handler trips ASan; let the sanitizer report instead.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1}"

summary=()
failed=0
for sanitizer in "${sanitizers[@]}"; do
    case "$sanitizer" in
        address) scratch=.build-asan ;;
        thread) scratch=.build-tsan ;;
        *) echo "sanitizers: unknown sanitizer '$sanitizer' (address, thread)" >&2; exit 2 ;;
    esac
    mkdir -p "$scratch"
    log="$scratch/sanitizer.log"
    echo "sanitizers: swift test --sanitize=$sanitizer --scratch-path $scratch (log: $log)"
    start=$SECONDS
    swift test --sanitize="$sanitizer" --scratch-path "$scratch" >"$log" 2>&1
    status=$?
    elapsed=$((SECONDS - start))
    reports="$(grep -cE '^(==[0-9]+==ERROR: AddressSanitizer|WARNING: ThreadSanitizer|SUMMARY: (Address|Thread)Sanitizer)' "$log")"
    counts="$(grep -E 'Test run with [0-9]+ tests?' "$log" | tail -1 | sed -E 's/.*(Test run with .*)/\1/')"
    if [ "$status" -eq 0 ] && [ "$reports" -eq 0 ]; then
        summary+=("$sanitizer: clean in ${elapsed}s; ${counts:-no Swift Testing summary found}")
    else
        failed=1
        grep -E -A30 '^(==[0-9]+==ERROR|WARNING: ThreadSanitizer)' "$log" | head -80
        tail -30 "$log"
        summary+=("$sanitizer: FAILED (exit $status, $reports sanitizer reports) in ${elapsed}s; ${counts:-see $log}")
    fi
done

echo
echo "sanitizers summary:"
printf '  %s\n' "${summary[@]}"
exit "$failed"
