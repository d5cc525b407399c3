#!/usr/bin/env bash
# The test command of the README: build warning-free, then run every test project.
set -euo pipefail
cd "$(dirname "$0")"
log=$(mktemp)
dotnet build OrderToCash.sln -c Release -warnaserror
set +e
dotnet test OrderToCash.sln -c Release --no-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One plain closing line for CI readers, summed over the test projects' summaries.
sum() { grep -E '^(Passed|Failed)!' "$log" | grep -oE "$1: +[0-9]+" | awk '{s+=$2} END {print s+0}'; }
echo "tests: $(sum Passed) passed, $(sum Failed) failed, $(sum Skipped) skipped"
rm -f "$log"
exit "$status"
