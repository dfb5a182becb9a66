using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Fenquan.Data.Storage;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// Chooses the database by its connection string: a PostgreSQL string (<c>Host=…</c>) selects
/// Npgsql; anything else is a SQLite connection string. The default is the SQLite file in the data
/// folder. <c>--db</c> or <c>FENQUAN_DB</c> overrides it.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string EnvironmentVariable = "FENQUAN_DB";

    public static DatabaseSettings Resolve(DataDirectory data, string? option, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var chosen = !string.IsNullOrWhiteSpace(option) ? option : environment(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(chosen))
        {
            return ForSqliteFile(data.DatabaseFile);
        }

        return IsPostgres(chosen) ? new DatabaseSettings(DatabaseProvider.PostgreSql, chosen) : new DatabaseSettings(DatabaseProvider.Sqlite, chosen);
    }

    public static DatabaseSettings ForSqliteFile(string path) =>
        new(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString());

    private static bool IsPostgres(string connectionString) =>
        connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase)
        || connectionString.StartsWith("postgres", StringComparison.OrdinalIgnoreCase);

    public override string ToString() => Provider switch
    {
        DatabaseProvider.Sqlite => $"SQLite {new SqliteConnectionStringBuilder(ConnectionString).DataSource}",
        DatabaseProvider.PostgreSql => "PostgreSQL " + RedactPassword(ConnectionString),
    };

    private static string RedactPassword(string connectionString) =>
        string.Join(';', connectionString.Split(';').Where(part => !part.TrimStart().StartsWith("Password", StringComparison.OrdinalIgnoreCase)));
}

/// <summary>Creates DbContexts for the chosen provider, each with its own migrations.</summary>
public static class FenquanDatabase
{
    public static FenquanDbContext CreateContext(DatabaseSettings settings) => settings.Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteFenquanDbContext(CachedOptions<SqliteFenquanDbContext>(settings, Configure)),
        DatabaseProvider.PostgreSql => new PostgresFenquanDbContext(CachedOptions<PostgresFenquanDbContext>(settings, Configure)),
    };

    // Options built once per context type and database: the web makes a context for most requests,
    // and options built each time made EF look up its internal service provider on every one
    // (measured with a profiler under load).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(Type, DatabaseSettings), DbContextOptions> Built = new();

    /// <summary>The options <paramref name="configure"/> gives, built once per context type and database.</summary>
    public static DbContextOptions<TContext> CachedOptions<TContext>(DatabaseSettings settings, Action<DbContextOptionsBuilder, DatabaseSettings> configure)
        where TContext : DbContext =>
        (DbContextOptions<TContext>)Built.GetOrAdd((typeof(TContext), settings), _ =>
        {
            var builder = new DbContextOptionsBuilder<TContext>();
            configure(builder, settings);
            return builder.Options;
        });

    public static DbContextOptions<TContext> Options<TContext>(DatabaseSettings settings)
        where TContext : DbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        Configure(builder, settings);
        return builder.Options;
    }

    public static void Configure(DbContextOptionsBuilder builder, DatabaseSettings settings)
    {
        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                UseSqlite(builder, settings.ConnectionString);
                break;
            case DatabaseProvider.PostgreSql:
                builder.UseNpgsql(settings.ConnectionString);
                break;
        }
    }

    /// <summary>
    /// SQLite as every context on Fenquan's database file uses it (this one and the accounts'): with
    /// the pragmas of <see cref="SqlitePragmas"/> on every new connection, whichever context creates the file.
    /// </summary>
    public static DbContextOptionsBuilder UseSqlite(DbContextOptionsBuilder builder, string connectionString, Action<Microsoft.EntityFrameworkCore.Infrastructure.SqliteDbContextOptionsBuilder>? sqlite = null) =>
        builder.UseSqlite(connectionString, sqlite).AddInterceptors(SqlitePragmas.Instance);

    /// <summary>Creates the database if missing and applies every migration.</summary>
    public static async Task MigrateAsync(DatabaseSettings settings, CancellationToken cancellationToken = default)
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
            if (Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }
        }

        await using var db = CreateContext(settings);
        await db.Database.MigrateAsync(cancellationToken);

        // An index EF Core cannot declare (it does not index the columns of complex properties): the
        // matters a person is paid by, newest first (the list of matters a person may see). Same SQL on both.
        await db.Database.ExecuteSqlRawAsync(
            $"CREATE INDEX IF NOT EXISTS \"{PayeeIndex}\" ON matters (\"CountyId\", \"Payee_PersonId\", \"Id\")", cancellationToken);
        // The same for searching and filtering a unit's matters (MatterQueries): the words, the
        // access predicate's columns and every filter are matched in the index's entries beside the
        // unit's id order, never in the wide matter rows (route, terms); the count reads the index
        // alone and a page reads only its own rows. It replaces the first search index (title and
        // payee name only), and the one without the state, which left state filters to the wide
        // rows (100 ms of CPU for 5,475 of 200,000 matters). A change of state rewrites the entry in
        // place (its key, the unit's id order, does not move).
        foreach (var former in FormerSearchIndexes)
        {
            // An index name is no parameter; these are the constants below.
#pragma warning disable EF1003
            await db.Database.ExecuteSqlRawAsync("DROP INDEX IF EXISTS \"" + former + "\"", cancellationToken);
#pragma warning restore EF1003
        }

        await db.Database.ExecuteSqlRawAsync(
            $"CREATE INDEX IF NOT EXISTS \"{SearchIndex}\" ON matters (\"CountyId\", \"UnitId\", \"Id\", \"Title\", \"Payee_Name\", "
            + "\"InitiatorId\", \"Payee_PersonId\", \"Area\", \"State\", \"SubmittedOn\", \"Amount\")", cancellationToken);
        // The home pages (HomeQueries): a unit's matters counted by area and state off the index
        // alone, and the actions of this month found by time. Made here beside the others, so the
        // branch that added them added no migration; the same SQL on both.
        await db.Database.ExecuteSqlRawAsync(
            $"CREATE INDEX IF NOT EXISTS \"{AreaStateIndex}\" ON matters (\"CountyId\", \"UnitId\", \"Area\", \"State\")", cancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            $"CREATE INDEX IF NOT EXISTS \"{ActionTimeIndex}\" ON matter_actions (\"CountyId\", \"At\")", cancellationToken);
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            // The voucher inspection's population (InspectionOperations.Population, R8): a unit's payments
            // by the text of the time recorded, with the claim and amount beside it, read off the index
            // alone. SQLite only: on PostgreSQL the planner took it for a matter's payments too, and
            // their order among equal times followed its amounts.
            await db.Database.ExecuteSqlRawAsync(
                $"CREATE INDEX IF NOT EXISTS \"{PaymentRecordedIndex}\" ON payments (\"CountyId\", \"UnitId\", \"RecordedAt\", \"MatterId\", \"Amount\")", cancellationToken);
            // An index made after the database was analysed (the bulk seeder analyses) has no statistics,
            // and SQLite then misjudges the other indexes too: at 1,000,000 matters the unit's matter
            // list sorted every matter of the unit instead of reading its index in order (4 s a page).
            var analysed = await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE name = 'sqlite_stat1'").SingleAsync(cancellationToken) > 0;
            if (analysed && await db.Database.SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM sqlite_stat1 WHERE idx = '{PayeeIndex}'").SingleAsync(cancellationToken) == 0)
            {
                await db.Database.ExecuteSqlRawAsync($"ANALYZE \"{PayeeIndex}\"", cancellationToken);
            }

            foreach (var index in new[] { SearchIndex, AreaStateIndex, ActionTimeIndex, PaymentRecordedIndex })
            {
                if (analysed && await db.Database.SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM sqlite_stat1 WHERE idx = {index}").SingleAsync(cancellationToken) == 0)
                {
                    // An index name is no parameter; these are the constants above.
#pragma warning disable EF1003
                    await db.Database.ExecuteSqlRawAsync("ANALYZE \"" + index + "\"", cancellationToken);
#pragma warning restore EF1003
                }
            }
        }
    }

    /// <summary>The index on the matters' payee person (made by <see cref="MigrateAsync"/>: EF Core cannot index a complex property's column).</summary>
    internal const string PayeeIndex = "IX_matters_CountyId_Payee_PersonId_Id";

    /// <summary>
    /// The index a search or filter of a unit's matters reads: title, payee, initiator, area,
    /// state, submission day and amount beside the unit's id order (made by <see cref="MigrateAsync"/>).
    /// </summary>
    public const string SearchIndex = "IX_matters_CountyId_UnitId_Id_Filters";

    /// <summary>Earlier search indexes, dropped at start-up: title and payee name only; every filter but the state.</summary>
    internal static readonly string[] FormerSearchIndexes = ["IX_matters_CountyId_UnitId_Id_Title_Payee_Name", "IX_matters_CountyId_UnitId_Id_ListFilters"];

    /// <summary>A unit's matters by area and state (the home's charts; made by <see cref="MigrateAsync"/>).</summary>
    internal const string AreaStateIndex = "IX_matters_CountyId_UnitId_Area_State";

    /// <summary>The county's matter actions by time (the home's "decided this month"; made by <see cref="MigrateAsync"/>).</summary>
    internal const string ActionTimeIndex = "IX_matter_actions_CountyId_At";

    /// <summary>A unit's payments by the time recorded, covering the voucher inspection's population (made by <see cref="MigrateAsync"/> on SQLite).</summary>
    internal const string PaymentRecordedIndex = "IX_payments_CountyId_UnitId_RecordedAt_MatterId_Amount";
}

public sealed class SqliteFenquanDbContext(DbContextOptions<SqliteFenquanDbContext> options) : FenquanDbContext(options);

public sealed class PostgresFenquanDbContext(DbContextOptions<PostgresFenquanDbContext> options) : FenquanDbContext(options);

/// <summary>
/// Durable commits on SQLite: WAL with synchronous=FULL, so an action is on disk before the
/// client hears OK; busy_timeout so that the command line and the server can share the file.
/// A new database file gets 16 KiB pages (<see cref="PageSize"/>; the pragma does nothing to an existing
/// file): every ledger entry is about 500 bytes written twice (WAL, then checkpoint), and with 4 KiB
/// pages a batch wrote a quarter more frames and bytes for it. Measured back to back on 2 cores, ledger
/// appends went from 10.3 to 8.6 µs an entry (docs/performance.md).
/// Set once per physical connection: Microsoft.Data.Sqlite pools them, and EF opens and closes the
/// connection around every query, which ran the pragmas again each time.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static SqlitePragmas Instance { get; } = new();

    /// <summary>The page size of a new database file, in bytes.</summary>
    public const int PageSize = 16384;

    // page_size first: it must precede journal_mode=WAL to apply to a database being created.
    private static readonly string Pragmas = $"PRAGMA page_size={PageSize}; PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON;";

    // The pooled SQLite handles already set up (weak: a handle the pool drops is forgotten with it).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> Configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsNew(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
            Remember(connection);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsNew(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            Remember(connection);
        }
    }

    private static bool IsNew(DbConnection connection) =>
        connection is not Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle } || !Configured.TryGetValue(handle, out _);

    private static void Remember(DbConnection connection)
    {
        if (connection is Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle })
        {
            Configured.AddOrUpdate(handle, handle);
        }
    }
}
