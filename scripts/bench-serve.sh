#!/usr/bin/env bash
# Loads `POST /v1/check` of a release `appraise serve` with wrk at 1, 4 and 64 connections
# with a shipped dossier: requests/s on the wire, p50/p99 latency, the server's CPU time per
# request, its peak RSS and its RSS before and after 100,000 more requests, and the server's
# in-process rate next to `screen --jobs 2` on copies of the same dossier with the same rules
# (docs/performance.md says what each figure means). Never a timed unit test. Installs wrk
# (Debian) when missing.
# Usage: scripts/bench-serve.sh [SECONDS]   (default 10 per run)
# BENCH_CONFIG=debug uses the debug build (what scripts/test.sh does, a 2-second smoke run that
# checks the server stays up and answers 2xx under load; its figures mean nothing).
# BENCH_SCREEN_COPIES (default 5000 in release, 200 in debug): how many copies `screen` reads.
# BENCH_APPRAISE=PATH measures that binary instead of building one (to compare two builds).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
seconds="${1:-10}"
port="${BENCH_PORT:-18090}"
dossier="${BENCH_DOSSIER:-candidates/vu-thi-mai.yaml}"
config="${BENCH_CONFIG:-release}"
copies="${BENCH_SCREEN_COPIES:-$([ "$config" = release ] && echo 5000 || echo 200)}"
sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v wrk >/dev/null 2>&1; then
    echo "bench-serve: installing wrk" >&2
    sudo_if_needed apt-get update -qq
    sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
appraise="${BENCH_APPRAISE:-.build/$config/appraise}"
# A release build links the Swift runtime in, as bench.sh and README's Install do.
static=$([ "$config" = release ] && echo --static-swift-stdlib || true)
[ -n "${BENCH_APPRAISE:-}" ] || swift build -c "$config" $static --product appraise >/dev/null
work="$(mktemp -d)"
server=""
trap 'if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi; rm -rf "$work"' EXIT
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"

# The rules both sides run: the shipped ones without slate.yaml, since `/v1/check` evaluates
# the candidate rules only, as `check` does.
cp -R rules "$work/rules"
rm -f "$work/rules/slate.yaml"
# `screen --jobs 2` of copies of the dossier, each with its own candidate id (no duplicate-id
# findings), in JSONL; wall and CPU time (user + system) of three runs, the median by wall.
mkdir "$work/dossiers"
awk -v n="$copies" -v dir="$work/dossiers" '{ lines[NR] = $0 } END {
    for (i = 1; i <= n; i++) {
        file = sprintf("%s/d%05d.yaml", dir, i); renamed = 0
        for (j = 1; j <= NR; j++) {
            line = lines[j]
            if (!renamed && line ~ /^  id: /) { sub(/^  id: /, "  id: bench-" i "-", line); renamed = 1 }
            print line > file
        }
        close(file)
    }
}' "$dossier"
screen_runs=()
for _ in 1 2 3; do
    TIMEFORMAT='%R %U %S'
    { time "$appraise" screen "$work/dossiers" --rules "$work/rules" --jobs 2 --format jsonl --as-of 2025-09-20 \
        --fail-on never >"$work/screen.jsonl" 2>"$work/screen.err"; } 2>"$work/time"
    [ "$(wc -l <"$work/screen.jsonl")" -gt "$copies" ] || { echo "bench-serve: screen failed" >&2; cat "$work/screen.err" >&2; exit 1; }
    screen_runs+=("$(cat "$work/time")")
done
read -r screen_wall screen_user screen_sys <<<"$(printf '%s\n' "${screen_runs[@]}" | sort -n | sed -n 2p)"
screen_cpu=$(awk -v u="$screen_user" -v s="$screen_sys" 'BEGIN { printf "%.3f", u + s }')
screen_rate=$(awk -v n="$copies" -v w="$screen_wall" 'BEGIN { printf "%.0f", n / w }')
screen_cores=$(awk -v c="$screen_cpu" -v w="$screen_wall" 'BEGIN { printf "%.2f", c / w }')
screen_per_cpu=$(awk -v n="$copies" -v c="$screen_cpu" 'BEGIN { printf "%.0f", n / c }')
echo "screen --jobs 2, $copies copies of $dossier (median of 3 by wall time):"
echo "  ${screen_wall} s wall, ${screen_cpu} CPU-s: $screen_rate dossiers/s, $screen_per_cpu dossiers per CPU-second, $screen_cores cores busy"

"$appraise" serve --host 127.0.0.1 --port "$port" --rules "$work/rules" >/dev/null 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
lua="$work/post.lua"
cat >"$lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/yaml"
local file = io.open("$dossier", "rb")
wrk.body = file:read("*a")
file:close()
done = function(summary, latency, requests)
  io.write(string.format("requests/s %.0f  p50 %.2f ms  p99 %.2f ms  non-2xx %d  errors %d  total %d\\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests))
end
LUA
url="http://127.0.0.1:$port/v1/check?as_of=2025-09-20"
ticks=$(getconf CLK_TCK)
# The server's CPU time so far (user + system, every thread), in clock ticks.
server_ticks() { sed -e 's/.*) //' "/proc/$server/stat" | awk '{ print $12 + $13 }'; }
echo "POST /v1/check with $dossier, $seconds s per run; wrk shares the cores with the server"
for connections in 1 4 64; do
    threads=$(( connections < 2 ? 1 : 2 ))
    before=$(server_ticks)
    result="$(wrk -t "$threads" -c "$connections" -d "${seconds}s" -s "$lua" "$url" | grep "requests/s")"
    after=$(server_ticks)
    # Every answer 2xx and no socket error, or the run fails.
    [[ "$result" == *"non-2xx 0  errors 0"* ]] || { echo "bench-serve: failed answers under load: $result" >&2; exit 1; }
    total=$(sed -e 's/.*total //' <<<"$result")
    # In-process rate: requests per CPU-second of the server, times the cores screen kept busy,
    # i.e. the rate the server would have with screen's CPU to itself and no wrk beside it.
    awk -v c="$connections" -v r="$result" -v n="$total" -v t=$(( after - before )) -v hz="$ticks" \
        -v cores="$screen_cores" -v per="$screen_per_cpu" -v rate="$screen_rate" 'BEGIN {
        cpu = t / hz; if (cpu <= 0) cpu = 1 / hz
        split(r, f, " ")
        printf "%2d connection(s): %s\n", c, r
        printf "    server %.2f CPU-s, %.3f ms CPU per request, %.0f requests per CPU-second; in-process rate %.0f requests/s = %.0f%% of screen (wire %.0f%%)\n",
            cpu, 1000 * cpu / n, n / cpu, n / cpu * cores, 100 * (n / cpu) / per, 100 * f[2] / rate
    }'
done
curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null
echo "peak RSS of the server: $(awk '/VmHWM/ {print $2, $3}' "/proc/$server/status")"
# RSS over many requests (BENCH_RSS_REQUESTS, default 100,000 in release, 0 (skipped) in debug): resident memory before
# and after 4 connections have sent that many, sampled from /proc; flat means it grew by less
# than 10% (allocator noise), else the server keeps something per request.
rss_requests="${BENCH_RSS_REQUESTS:-$([ "$config" = release ] && echo 100000 || echo 0)}"
if [ "$rss_requests" -gt 0 ]; then
    rss() { awk '/VmRSS/ {print $2}' "/proc/$server/status"; }
    before=$(rss)
    total=0
    while [ "$total" -lt "$rss_requests" ]; do
        result="$(wrk -t 2 -c 4 -d 5s -s "$lua" "$url" | grep "requests/s")"
        [[ "$result" == *"non-2xx 0  errors 0"* ]] || { echo "bench-serve: failed answers under load" >&2; exit 1; }
        total=$(( total + $(sed -e 's/.*total //' <<<"$result") ))
    done
    after=$(rss)
    growth=$(( (after - before) * 100 / before ))
    verdict=$([ "$growth" -lt 10 ] && echo flat || echo "NOT flat")
    echo "RSS over $total requests: $before kB before, $after kB after (${growth}%): $verdict"
fi
echo "machine: load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
