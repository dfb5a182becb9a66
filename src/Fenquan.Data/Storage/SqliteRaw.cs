using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Fenquan.Data.Storage;

/// <summary>
/// What the reads that go to SQLite through SQLitePCL directly (no strings per row) share: a Guid
/// as SQLite keeps it, and a failed call turned into Microsoft.Data.Sqlite's exception.
/// </summary>
internal static class SqliteRaw
{
    /// <summary>A Guid as EF Core's SQLite mapping stores and binds it: its upper-case "D" text.</summary>
    public static string Key(Guid value) => value.ToString("D").ToUpperInvariant();

    public static void Check(int rc, sqlite3 handle)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, handle);
        }
    }
}
