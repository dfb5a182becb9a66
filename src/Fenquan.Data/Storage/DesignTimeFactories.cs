using Microsoft.EntityFrameworkCore.Design;

namespace Fenquan.Data.Storage;

// Used by `dotnet ef migrations add` only: one migrations set per provider.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteFenquanDbContext>
{
    public SqliteFenquanDbContext CreateDbContext(string[] args) =>
        new(FenquanDatabase.Options<SqliteFenquanDbContext>(DatabaseSettings.ForSqliteFile("design-time.db")));
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresFenquanDbContext>
{
    public PostgresFenquanDbContext CreateDbContext(string[] args) =>
        new(FenquanDatabase.Options<PostgresFenquanDbContext>(new DatabaseSettings(DatabaseProvider.PostgreSql, "Host=localhost;Database=fenquan_design")));
}
