using System.ComponentModel;
using Fenquan.Core.Primitives;
using Fenquan.Data;
using Fenquan.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Spectre.Console.Cli;

namespace Fenquan.Cli.Commands;

/// <summary>Commands on one county's data: the county is the only one in the database, or <c>--county</c>.</summary>
public class CountyDataSettings : StoreSettings
{
    [CommandOption("--county <ID>")]
    [Description("The county (needed only when the database holds more than one).")]
    public Guid? County { get; init; }

    /// <summary>The database, which must exist (the commands never create one).</summary>
    public DatabaseSettings ExistingDatabase()
    {
        var database = DatabaseSettings();
        if (database.Provider == DatabaseProvider.Sqlite && !File.Exists(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource))
        {
            throw new FenquanCliException($"No database at {database}: run `fenquan init` first, or pass --data.");
        }

        return database;
    }

    public async Task<CountyId> CountyAsync(FenquanDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var counties = await db.Counties.AsNoTracking().Select(c => c.Id).ToListAsync(cancellationToken);
        if (County is { } chosen)
        {
            return counties.Contains(new CountyId(chosen)) ? new CountyId(chosen) : throw new FenquanCliException($"No county {chosen} in this database.");
        }

        return counties.Count switch
        {
            0 => throw new FenquanCliException("The database holds no county yet: run `fenquan demo`, or create one in the application."),
            1 => counties[0],
            _ => throw new FenquanCliException("The database holds several counties: choose one with --county ID."),
        };
    }
}

/// <summary>
/// A command that changes county data on behalf of a county administrator account. The command line
/// runs with the database's own rights (as `fenquan demo` does), so <c>--by</c> names the account the
/// operator acts for; it is recorded in the ledger, and four eyes (R40) compares it like any other:
/// a change proposed --by one account is confirmed only --by another, here or in the application.
/// </summary>
public class CountyOfficialSettings : CountyDataSettings
{
    [CommandOption("--by <ACCOUNT>")]
    [Description("The county administrator account acting (required; recorded in the ledger).")]
    public string? By { get; init; }

    [CommandOption("--by-name <NAME>")]
    [Description("The official's name as shown to others (default: the account).")]
    public string? ByName { get; init; }

    public Core.CountyChanges.CountyOfficial Official() =>
        string.IsNullOrWhiteSpace(By)
            ? throw new FenquanCliException("Name the county administrator account acting with --by ACCOUNT (four eyes, R40).")
            : new Core.CountyChanges.CountyOfficial(By, ByName ?? By);
}
