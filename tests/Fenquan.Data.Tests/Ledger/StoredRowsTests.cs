using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Data.Demo;
using Fenquan.Data.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Fenquan.Data.Tests.Ledger;

// R44: `fenquan verify` snapshots every row straight from the data reader instead of through EF's
// entities. These tests hold the two to the same bytes on real data, and show what reading the
// stored values gains: a value edited into something the model cannot even read is named, where
// building the entity would have stopped the audit.
[Trait("Rule", "R44")]
public class StoredRowsTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryRowOfEveryLedgeredTable_ReadsAsTheSnapshotOfItsEntity(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var info = await DemoCounty.SeedAsync(database.Data, database.Settings, database.Time, new DemoOptions { Matters = 60 });
        await using var db = database.Context();
        await db.Database.OpenConnectionAsync();
        var county = info.County.Value;

        var compared = new Dictionary<string, int>();
        foreach (var type in db.Model.GetEntityTypes().Where(t => LedgerWriter.IsLedgered(t.ClrType) && !t.IsOwned()))
        {
            var key = type.FindPrimaryKey()!.Properties.Single();
            var countyProperty = type.ClrType == typeof(County) ? key : type.FindProperty("CountyId")!;
            var expected = new Dictionary<Guid, string>();
            foreach (var entity in Rows(db, type))
            {
                if (ToGuid(countyProperty, countyProperty.GetGetter().GetClrValue(entity)) == county)
                {
                    expected[ToGuid(key, key.GetGetter().GetClrValue(entity))] = System.Text.Encoding.UTF8.GetString(EntitySnapshot.Of(entity, type));
                }
            }

            var read = 0;
            await foreach (var (id, snapshot) in StoredRows.ReadAsync(db, type, countyProperty, county, CancellationToken.None))
            {
                Assert.True(expected.TryGetValue(id, out var entitySnapshot), $"{type.ClrType.Name} {id} read but not in the table");
                Assert.Equal(entitySnapshot, System.Text.Encoding.UTF8.GetString(snapshot));
                read++;
            }

            Assert.Equal(expected.Count, read);
            compared[type.ClrType.Name] = read;
        }

        // The demo fills the tables whose values are the hard ones: complex values, converted ids and
        // enums, routes and lists kept as JSON, times, amounts and optional columns.
        foreach (var table in new[] { nameof(County), nameof(Person), nameof(Matter), nameof(MatterAction), "Meeting", "Attendance", "Opinion", "PolicyVersion", "BudgetLine", "Counterparty", "CountyChange" })
        {
            Assert.True(compared.GetValueOrDefault(table) > 0, $"the demo has no {table} rows to compare: {string.Join(", ", compared)}");
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AStateEditedIntoAValueNoEnumHas_IsNamed_NotAnAuditThatStops(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var info = await DemoCounty.SeedAsync(database.Data, database.Settings, database.Time, new DemoOptions { Matters = 20 });
        await using (var db = database.Context())
        {
            var matter = await db.Matters.AsNoTracking().Where(m => m.State == MatterState.Pending).Select(m => m.Id).FirstAsync();
            var table = db.Model.FindEntityType(typeof(Matter))!.GetTableName();
            // What an operator with the database open could type: no entity could be built from it.
#pragma warning disable EF1002 // the table name comes from the model, the id is a parameter
            var changed = await db.Database.ExecuteSqlRawAsync($"UPDATE \"{table}\" SET \"State\" = 'Paid' WHERE \"Id\" = {{0}}", matter.Value);
#pragma warning restore EF1002
            Assert.Equal(1, changed);
        }

        var audit = await database.AuditAsync();

        var problem = Assert.Single(audit.Counties.Single(c => c.County == info.County.Value).Rows);
        Assert.Contains("\"State\":\"Paid\"", problem.Message, StringComparison.Ordinal);
        Assert.Contains("differs from its last ledger entry", problem.Message, StringComparison.Ordinal);
    }

    // SQLite keeps a blob as it is in any column, and text as it is given. A day kept as a blob and a
    // name that is not valid UTF-8 are read by Microsoft.Data.Sqlite's converting getters, not by the
    // C API's fast path: the audit names each row with the values the data reader gives.
    [Fact]
    public async Task ValuesKeptInAnotherStorageClass_AreReadAsTheDataReaderReadsThem()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        var info = await DemoCounty.SeedAsync(database.Data, database.Settings, database.Time, new DemoOptions { Matters = 20 });
        Guid matter, person;
        await using (var db = database.Context())
        {
            matter = (await db.Matters.AsNoTracking().Select(m => m.Id).FirstAsync()).Value;
            person = (await db.People.AsNoTracking().Select(p => p.Id).FirstAsync()).Value;
            var matters = db.Model.FindEntityType(typeof(Matter))!.GetTableName();
            var people = db.Model.FindEntityType(typeof(Person))!.GetTableName();
            // X'323030302D30312D3031' is "2000-01-01"; X'E5BCA0FF' is 张 and a byte no UTF-8 text has.
#pragma warning disable EF1002 // the table names come from the model, the ids are parameters
            Assert.Equal(1, await db.Database.ExecuteSqlRawAsync($"UPDATE \"{matters}\" SET \"OccurredOn\" = X'323030302D30312D3031' WHERE \"Id\" = {{0}}", matter));
            Assert.Equal(1, await db.Database.ExecuteSqlRawAsync($"UPDATE \"{people}\" SET \"Name\" = CAST(X'E5BCA0FF' AS TEXT) WHERE \"Id\" = {{0}}", person));
#pragma warning restore EF1002
        }

        var audit = await database.AuditAsync();

        var rows = audit.Counties.Single(c => c.County == info.County.Value).Rows;
        Assert.Equal(2, rows.Count);
        Assert.Contains("\"OccurredOn\":\"2000-01-01\"", Assert.Single(rows, r => r.SubjectId == matter).Message, StringComparison.Ordinal);
        Assert.Contains("\"Name\":\"张\uFFFD\"", Assert.Single(rows, r => r.SubjectId == person).Message, StringComparison.Ordinal);
    }

    private static IEnumerable<object> Rows(FenquanDbContext db, IEntityType type) =>
        (IQueryable<object>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(type.ClrType).Invoke(db, null)!;

    private static Guid ToGuid(IProperty property, object? value) =>
        value as Guid? ?? (Guid)property.GetTypeMapping().Converter!.ConvertToProvider(value)!;
}
