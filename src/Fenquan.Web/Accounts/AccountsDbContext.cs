using Fenquan.Data.Storage;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Fenquan.Web.Accounts;

/// <summary>
/// ASP.NET Core Identity's tables, in the same database as Fenquan's rows but with their own
/// context and their own migrations history table, so the two schemas evolve independently.
/// </summary>
public class AccountsDbContext(DbContextOptions options) : IdentityDbContext<FenquanUser>(options)
{
    public const string HistoryTable = "__AccountsMigrationsHistory";

    public static AccountsDbContext Create(DatabaseSettings settings) => settings.Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteAccountsDbContext(FenquanDatabase.CachedOptions<SqliteAccountsDbContext>(settings, Configure)),
        DatabaseProvider.PostgreSql => new PostgresAccountsDbContext(FenquanDatabase.CachedOptions<PostgresAccountsDbContext>(settings, Configure)),
    };

    public static void Configure(DbContextOptionsBuilder builder, DatabaseSettings settings)
    {
        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                FenquanDatabase.UseSqlite(builder, settings.ConnectionString, o => o.MigrationsHistoryTable(HistoryTable));
                break;
            case DatabaseProvider.PostgreSql:
                builder.UseNpgsql(settings.ConnectionString, o => o.MigrationsHistoryTable(HistoryTable));
                break;
        }
    }
}

public sealed class SqliteAccountsDbContext(DbContextOptions<SqliteAccountsDbContext> options) : AccountsDbContext(options);

public sealed class PostgresAccountsDbContext(DbContextOptions<PostgresAccountsDbContext> options) : AccountsDbContext(options);

/// <summary>For <c>dotnet ef migrations add … --context SqliteAccountsDbContext</c>.</summary>
public sealed class SqliteAccountsDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAccountsDbContext>
{
    public SqliteAccountsDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteAccountsDbContext>();
        AccountsDbContext.Configure(builder, DatabaseSettings.ForSqliteFile("design-time.db"));
        return new SqliteAccountsDbContext(builder.Options);
    }
}

/// <summary>For <c>dotnet ef migrations add … --context PostgresAccountsDbContext</c>.</summary>
public sealed class PostgresAccountsDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAccountsDbContext>
{
    public PostgresAccountsDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresAccountsDbContext>();
        AccountsDbContext.Configure(builder, new DatabaseSettings(DatabaseProvider.PostgreSql, "Host=localhost;Database=fenquan_design"));
        return new PostgresAccountsDbContext(builder.Options);
    }
}
