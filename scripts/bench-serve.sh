#!/usr/bin/env bash
# Loads `POST /v1/check` of a release `appraise serve` with wrk at 1, 4 and 64 connections
# with a shipped dossier: requests/s, p50/p99 latency, the server's peak RSS, and its RSS before
# and after 100,000 more requests (docs/performance.md). Never a timed unit test. Installs wrk
# (Debian) when missing.
# Usage: scripts/bench-serve.sh [SECONDS]   (default 10 per run)
# BENCH_CONFIG=debug uses the debug build (what scripts/test.sh does, a 2-second smoke run that
# checks the server stays up and answers 2xx under load; its figures mean nothing).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
seconds="${1:-10}"
port="${BENCH_PORT:-18090}"
dossier="${BENCH_DOSSIER:-candidates/vu-thi-mai.yaml}"
config="${BENCH_CONFIG:-release}"
sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v wrk >/dev/null 2>&1; then
    echo "bench-serve: installing wrk" >&2
    sudo_if_needed apt-get update -qq
    sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
swift build -c "$config" --product appraise >/dev/null
".build/$config/appraise" serve --host 127.0.0.1 --port "$port" >/dev/null 2>&1 &
server=$!
lua="$(mktemp --suffix=.lua)"
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$lua"' EXIT
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
cat >"$lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/yaml"
local file = io.open("$dossier", "rb")
wrk.body = file:read("*a")
file:close()
done = function(summary, latency, requests)
  io.write(string.format("  requests/s %.0f  p50 %.2f ms  p99 %.2f ms  non-2xx %d  errors %d  total %d\\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests))
end
LUA
url="http://127.0.0.1:$port/v1/check?as_of=2025-09-20"
echo "POST /v1/check with $dossier, $seconds s per run"
for connections in 1 4 64; do
    threads=$(( connections < 2 ? 1 : 2 ))
    echo "$connections connection(s):"
    result="$(wrk -t "$threads" -c "$connections" -d "${seconds}s" -s "$lua" "$url" | grep "requests/s")"
    echo "$result"
    # Every answer 2xx and no socket error, or the run fails.
    [[ "$result" == *"non-2xx 0  errors 0"* ]] || { echo "bench-serve: failed answers under load" >&2; exit 1; }
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
