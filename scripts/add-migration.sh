#!/usr/bin/env bash
# Adds one migration per provider (SQLite and PostgreSQL) for the model's changes since the last one:
#   scripts/add-migration.sh BudgetLines
# Migrations are never regenerated or edited once on main: a county's data folder made by an older
# version is upgraded by them (UpgradeTests starts the current build on TestData/schema-1.zip, made by
# the first of them, 20261206221451_Initial).
set -euo pipefail
if [ $# -ne 1 ] || ! [[ "$1" =~ ^[A-Z][A-Za-z0-9]+$ ]]; then
  echo "usage: $0 MigrationName   (PascalCase, e.g. BudgetLines)" >&2
  exit 2
fi
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
dotnet tool restore >/dev/null
dotnet ef migrations add "$1" --project src/Fenquan.Data --context SqliteFenquanDbContext --output-dir Migrations/Sqlite
dotnet ef migrations add "$1" --project src/Fenquan.Data --context PostgresFenquanDbContext --output-dir Migrations/Postgres
