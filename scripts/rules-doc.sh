#!/usr/bin/env bash
# Regenerates docs/rules.md from the code: RulesDocTests.RulesDoc_IsUpToDate writes the file instead
# of comparing it when FENQUAN_WRITE_RULES_DOC=1 (see tests/Fenquan.Core.Tests/Docs).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
FENQUAN_WRITE_RULES_DOC=1 dotnet test --project tests/Fenquan.Core.Tests -- --filter-method '*.RulesDoc_IsUpToDate'
