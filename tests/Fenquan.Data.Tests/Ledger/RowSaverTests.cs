using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Data.Ledger;
using Fenquan.Data.Tests.Operations;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Tests.Ledger;

// R44: on SQLite the writer saves a unit's rows through statements of its own (RowSaver), not EF's
// SaveChanges. Every reader goes through EF, so the rows must be stored exactly as SaveChanges stores them.
[Trait("Rule", "R44")]
public class RowSaverTests
{
    [Fact]
    public async Task EveryLedgeredRowType_IsSavedByTheRowSaver_ButMinutesThatSupersedeMinutes()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await using var db = database.Context();

        var declined = db.Model.GetEntityTypes().Where(t => (LedgerWriter.IsLedgered(t.ClrType) || LedgerWriter.IsMessage(t.ClrType)) && !RowSaver.Saves(t)).Select(t => t.ClrType.Name);

        // A minutes record references the record it supersedes: rows of one type in order, left to SaveChanges.
        Assert.Equal(["MinutesRecord"], declined);
    }

    [Fact]
    public async Task AnUpdateOrDeleteThatFindsNoRow_Throws()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        var county = await TestCounty.CreateAsync(database);
        await using var db = database.Context();
        await db.Database.OpenConnectionAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var person = await db.People.SingleAsync(p => p.Id == county["周杰"]);
        await db.People.Where(p => p.Id == person.Id).ExecuteDeleteAsync();
        await using var saver = new RowSaver(db);

        db.Entry(person).Property(p => p.Name).CurrentValue = "改名";
        Assert.Throws<DbUpdateException>(() => saver.TrySave([db.Entry(person)]));
        db.Entry(person).State = EntityState.Deleted;
        Assert.Throws<DbUpdateException>(() => saver.TrySave([db.Entry(person)]));
    }

    [Fact]
    public async Task RowsSavedByTheWriter_AreStoredExactlyAsSaveChangesStoresThem()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        var county = await TestCounty.CreateAsync(database);
        var today = TestCounty.Start.AddDays(3);

        // Inserts (organisation, policy, matters, actions, changes), updates (state, amount, payee, round) of every kind.
        var approved = await SubmitAsync(county, 3_000m, Payee.Named("县城文具店"), today);
        await ActAsync(county, approved, "赵敏", ActionKind.Review);
        await ActAsync(county, approved, "张伟", ActionKind.Approve);
        var edited = await county.Matters.EditAsync(county.County, approved, new EditMatter(county["吴斌"], NewAmount: 2_500.5m, NewPayee: Payee.Person(county["周杰"], "周杰"), NewTitle: "改：办公用品"));
        Assert.True(edited.IsOk, edited.ToString());
        var returned = await SubmitAsync(county, 1_234.56m, Payee.None, today);
        await ActAsync(county, returned, "赵敏", ActionKind.Return);
        Assert.True((await county.Matters.ResubmitAsync(county.County, returned, county["吴斌"])).IsOk);
        var withdrawn = await SubmitAsync(county, 99m, Payee.Named("某某"), today);
        Assert.True((await county.Matters.WithdrawAsync(county.County, withdrawn, county["吴斌"])).IsOk);

        // A deletion through a unit of work.
        var gone = (await county.Organization.AddPersonAsync(county.County, "临时工")).Value.Id;
        var removed = await database.Writer.ExecuteAsync(county.County, "person.removed", ctx =>
        {
            var person = ctx.Db.People.Single(p => p.Id == gone);
            ctx.Db.People.Remove(person);
            return Result<bool>.Ok(true);
        });
        Assert.True(removed.IsOk);

        // The same rows, read through EF and saved by SaveChanges into another database.
        await using var copy = await TestDatabase.CreateAsync("sqlite");
        await using (var from = database.Context())
        await using (var to = copy.Context())
        {
            foreach (var type in from.Model.GetEntityTypes().Where(t => LedgerWriter.IsLedgered(t.ClrType) || LedgerWriter.IsMessage(t.ClrType)))
            {
                var rows = (IQueryable<object>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(type.ClrType).Invoke(from, null)!;
                foreach (var row in rows.ToList())
                {
                    to.Add(row);
                }
            }

            await to.SaveChangesAsync();
        }

        var saved = await SqliteDump.TablesAsync(database, "ledger_entries", "tree_heads");
        var expected = await SqliteDump.TablesAsync(copy, "ledger_entries", "tree_heads");
        Assert.Equal(expected.Keys.Order(), saved.Keys.Order());
        foreach (var (table, rows) in expected)
        {
            Assert.Equal(rows, saved[table]);
        }

        Assert.Contains(saved["matters"], r => r.Contains("'2500.5'|text", StringComparison.Ordinal) && r.Contains("'改：办公用品'|text", StringComparison.Ordinal));
        Assert.Equal(3, saved["matter_actions"].Count); // review, approve, return
        Assert.Equal(3, saved["matter_changes"].Count); // edit, resubmit, withdraw
        Assert.DoesNotContain(saved["people"], r => r.Contains("临时工", StringComparison.Ordinal));
        Assert.True((await database.AuditAsync()).IsIntact);
    }

    [Fact]
    public async Task AKeptMatterWhoseRowIsGone_IsReadAgain_AndTheActionChangesNothing()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        var county = await TestCounty.CreateAsync(database);
        var matter = await SubmitAsync(county, 3_000m, Payee.Named("县城文具店"), TestCounty.Start.AddDays(3));
        await using (var db = database.Context())
        {
            // Behind the writer's back (a test only): the writer still keeps the matter it saved.
            await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF; DELETE FROM matters;");
        }

        var before = await SqliteDump.TablesAsync(database);
        // The writer's save finds no row, the batch is rolled back and the unit retried on fresh state.
        var edited = await county.Matters.EditAsync(county.County, matter, new EditMatter(county["吴斌"], NewAmount: 2_000m));

        Assert.True(edited.Refusal?.IsNotFound, edited.ToString());

        Assert.Equal(before, await SqliteDump.TablesAsync(database));
    }

    // The row saver inserts before it deletes. A unit that deletes a row and adds another with the same
    // unique key fails that way; the writer then retries it alone through SaveChanges, which orders it.
    [Fact]
    public async Task AUnitTheRowSaverCannotOrder_IsSavedBySaveChangesOnItsRetry()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        var county = await TestCounty.CreateAsync(database);

        var replaced = await database.Writer.ExecuteAsync(county.County, "policy.replaced", ctx =>
        {
            var old = ctx.Db.PolicyVersions.Single(v => v.UnitId == county.Unit && v.Number == 1);
            var unit = ctx.Db.Units.AsNoTracking().Single(u => u.Id == county.Unit);
            var again = PolicyVersion.Bootstrap(unit, 1, old.EffectiveFrom, old.DocumentJson, [], ctx.Now);
            ctx.Db.PolicyVersions.Remove(old);
            ctx.Db.PolicyVersions.Add(again.Value);
            return again;
        });

        Assert.True(replaced.IsOk, replaced.ToString());
        await using var db = database.Context();
        Assert.Equal(replaced.Value.Id, db.PolicyVersions.Single(v => v.UnitId == county.Unit).Id);
        Assert.True((await database.AuditAsync()).IsIntact);
    }

    private static async Task<MatterId> SubmitAsync(TestCounty county, decimal amount, Payee payee, DateOnly date)
    {
        var submitted = await county.Matters.SubmitAsync(new SubmitMatter(county.County, county.Unit, MatterKind.Expense, "办公用品", amount, payee, county["吴斌"], InitiatorKind.Section, MatterFlags.None, date));
        Assert.True(submitted.IsOk, submitted.ToString());
        return submitted.Value.Id;
    }

    private static async Task ActAsync(TestCounty county, MatterId matter, string actor, ActionKind kind)
    {
        var acted = await county.Matters.ActAsync(county.County, matter, new ActRequest(county[actor], kind, "意见"));
        Assert.True(acted.IsOk, acted.ToString());
    }
}

/// <summary>Every row of every table of a SQLite test database, each column as quote(value)|typeof(value), sorted.</summary>
internal static class SqliteDump
{
    public static async Task<Dictionary<string, List<string>>> TablesAsync(TestDatabase database, params string[] except)
    {
        await using var db = database.Context();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsHistory' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                if (!except.Contains(reader.GetString(0)))
                {
                    tables.Add(reader.GetString(0));
                }
            }
        }

        var dump = new Dictionary<string, List<string>>();
        foreach (var table in tables)
        {
            var columns = new List<string>();
            await using (var info = connection.CreateCommand())
            {
                info.CommandText = $"SELECT name FROM pragma_table_info('{table}') ORDER BY cid";
                await using var reader = await info.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    columns.Add(reader.GetString(0));
                }
            }

            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT {string.Join(" || '|' || ", columns.Select(c => $"quote(\"{c}\") || '|' || typeof(\"{c}\")"))} FROM \"{table}\"";
            var rows = new List<string>();
            await using (var reader = await select.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    rows.Add(reader.GetString(0));
                }
            }

            rows.Sort(StringComparer.Ordinal);
            dump[table] = rows;
        }

        return dump;
    }
}
