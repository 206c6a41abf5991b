#!/usr/bin/env bash
# Regenerates the field reference of docs/writing-rules.md (between <!-- schema:begin --> and
# <!-- schema:end -->) from `appraise schema --format markdown`. GuideTests checks it is current;
# `RECORD_GOLDENS=1 swift test --filter GuideTests` does the same.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product appraise >/dev/null
schema=$(mktemp)
trap 'rm -f "$schema" "$schema.md"' EXIT
.build/debug/appraise schema --format markdown >"$schema"
awk -v schema="$schema" '
  /^<!-- schema:end -->$/ { skipping = 0 }
  !skipping { print }
  /^<!-- schema:begin -->$/ { while ((getline line < schema) > 0) print line; skipping = 1 }
' docs/writing-rules.md >"$schema.md"
mv "$schema.md" docs/writing-rules.md
echo "docs/writing-rules.md: field reference updated"
