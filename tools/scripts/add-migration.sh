#!/usr/bin/env bash
# Adds a migration with the same name to each provider's migration set (one per database engine), in the migrations
# project (src/OrderToCash.Migrations/<Provider>, ADR 0160).
# Usage: tools/scripts/add-migration.sh <MigrationName>
set -euo pipefail
cd "$(dirname "$0")/../.."
name=${1:?usage: tools/scripts/add-migration.sh <MigrationName>}
dotnet tool restore >/dev/null
for provider in Sqlite SqlServer PostgreSql; do
  dotnet ef migrations add "$name" --project src/OrderToCash.Migrations --startup-project src/OrderToCash.Migrations \
    --context "${provider}OrderToCashDbContext" \
    --output-dir "$provider" --namespace "OrderToCash.Migrations.$provider"
done
