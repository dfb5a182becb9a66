using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Tests;

public class MigrationsTests
{
    // Both providers' migrations must match the model, or a fresh database would miss columns.
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrations_MatchTheModel(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Context();

        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }
}
