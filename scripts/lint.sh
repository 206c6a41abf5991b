#!/usr/bin/env bash
# swift-format lint with the repository's .swift-format: fails on any finding of the rules
# that configuration turns on (naming, documentation comments, `if (x)`, block comments ...),
# and on files swift-format cannot read. Layout findings (indentation, line length, line
# breaks, trailing commas) are counted and printed but do not fail: the tree predates the
# configuration and is not reformatted in one sweep, which would conflict with every branch
# in flight. Format a file you touch with `swift-format format -i FILE` if you like.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
layout='\[(Indentation|LineLength|AddLines|RemoveLine|TrailingComma|TrailingWhitespace|EndOfLineComment|Spacing|SpacingCharacter)\]'
findings=$(mktemp)
trap 'rm -f "$findings"' EXIT
status=0
swift-format lint --parallel --recursive Package.swift Sources Tests Plugins Fuzz >"$findings" 2>&1 || status=$?
rules=$(grep -Ev "$layout" "$findings" || true)
if [ "$status" -ne 0 ] || [ -n "$rules" ]; then
    printf '%s\n' "$rules"
    echo "lint: swift-format found problems (exit $status)" >&2
    exit 1
fi
echo "lint: no rule findings; $(grep -Ec "$layout" "$findings" || true) layout findings left (not enforced)"
