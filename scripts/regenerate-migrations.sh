#!/usr/bin/env bash
# Regenerates the one Initial migration per provider from the current model (the project keeps a
# single Initial migration until its first production release; see docs/architecture.md).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
dotnet tool restore >/dev/null
rm -f src/Fenquan.Data/Migrations/Sqlite/*.cs src/Fenquan.Data/Migrations/Postgres/*.cs
dotnet ef migrations add Initial --project src/Fenquan.Data --context SqliteFenquanDbContext --output-dir Migrations/Sqlite
dotnet ef migrations add Initial --project src/Fenquan.Data --context PostgresFenquanDbContext --output-dir Migrations/Postgres
