using System.Globalization;
using System.Text;
using Fenquan.Core.Ledger;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Ledger;

/// <summary>A domain row whose current state disagrees with the ledger (R44).</summary>
public sealed record RowProblem(Guid County, string SubjectType, Guid SubjectId, long? LastSequence, string Message)
{
    public override string ToString() => Message;
}

/// <summary>One county's ledger report and the rows that disagree with it.</summary>
public sealed record CountyAudit(Guid County, LedgerReport Ledger, IReadOnlyList<RowProblem> Rows)
{
    public bool IsIntact => Ledger.IsIntact && Rows.Count == 0;
}

public sealed record AuditReport(IReadOnlyList<CountyAudit> Counties)
{
    public bool IsIntact => Counties.All(c => c.IsIntact);

    public long Entries => Counties.Sum(c => c.Ledger.EntryCount);
}

/// <summary>
/// `fenquan verify` (R44): recomputes every county's ledger from the stored rows — each edited,
/// reordered or deleted entry is named — and compares every domain row with the snapshot its last
/// ledger entry recorded, naming each row whose current state disagrees with the ledger.
/// </summary>
public static class LedgerAudit
{
    public static async Task<AuditReport> RunAsync(FenquanDbContext db, byte[] publicKey, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var counties = await db.LedgerEntries.AsNoTracking().Select(e => e.CountyId).Distinct().ToListAsync(cancellationToken);
        foreach (var county in await db.Counties.AsNoTracking().Select(c => c.Id).ToListAsync(cancellationToken))
        {
            if (!counties.Contains(county.Value))
            {
                counties.Add(county.Value);
            }
        }

        var rowsByCounty = await SnapshotRowsAsync(db, cancellationToken);

        // Entries about other subjects are events (sign-ins …) that change no row.
        var rowTypes = db.Model.GetEntityTypes().Where(t => LedgerWriter.IsLedgered(t.ClrType)).Select(t => t.ClrType.Name).ToHashSet(StringComparer.Ordinal);
        var audits = new List<CountyAudit>();
        long read = 0;
        foreach (var county in counties.Order())
        {
            var latest = new Dictionary<(string Type, Guid Id), (long Sequence, string Data)>();
            var heads = await db.TreeHeads.AsNoTracking()
                .Where(h => h.CountyId == county)
                .OrderBy(h => h.TreeSize)
                .Select(h => new { h.TreeSize, h.RootHash, h.At, h.Signature })
                .ToListAsync(cancellationToken);
            var signedHeads = heads.Select(h => new SignedTreeHead(new CountyId(county), h.TreeSize, h.RootHash, h.At, h.Signature)).ToList();

            var rows = db.LedgerEntries.AsNoTracking()
                .Where(e => e.CountyId == county)
                .OrderBy(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Bytes, e.LeafHash })
                .AsEnumerable()
                .Select(row =>
                {
                    if (++read % 100_000 == 0)
                    {
                        progress?.Report(read);
                    }

                    Remember(latest, row.Sequence, row.Bytes);
                    return new StoredEntry(row.Sequence, row.Bytes, row.LeafHash);
                });
            var report = LedgerVerifier.Verify(rows, signedHeads, publicKey, new CountyId(county));
            var rowProblems = CompareRows(county, latest, rowsByCounty.GetValueOrDefault(county) ?? [], rowTypes);
            audits.Add(new CountyAudit(county, report, rowProblems));
        }

        progress?.Report(read);
        return new AuditReport(audits);
    }

    private static void Remember(Dictionary<(string Type, Guid Id), (long Sequence, string Data)> latest, long sequence, byte[] bytes)
    {
        LedgerEntry entry;
        try
        {
            entry = LedgerEntry.Parse(bytes);
        }
        catch (Exception exception) when (exception is FormatException or System.Text.Json.JsonException or InvalidOperationException or ArgumentException)
        {
            return; // The ledger verifier reports the malformed entry.
        }

        var key = (entry.SubjectType, entry.SubjectId);
        if (!latest.TryGetValue(key, out var known) || known.Sequence < sequence)
        {
            latest[key] = (sequence, entry.Data);
        }
    }

    private static List<RowProblem> CompareRows(Guid county, Dictionary<(string Type, Guid Id), (long Sequence, string Data)> latest, List<(string Type, Guid Id, string Snapshot)> rows, HashSet<string> rowTypes)
    {
        var problems = new List<RowProblem>();
        var seen = new HashSet<(string, Guid)>();
        foreach (var (type, id, snapshot) in rows)
        {
            seen.Add((type, id));
            if (!latest.TryGetValue((type, id), out var recorded))
            {
                problems.Add(new RowProblem(county, type, id, null, $"{type} {id} is in the database but was never recorded in the ledger."));
            }
            else if (recorded.Data != snapshot)
            {
                problems.Add(new RowProblem(county, type, id, recorded.Sequence,
                    string.Create(CultureInfo.InvariantCulture, $"{type} {id} differs from its last ledger entry #{recorded.Sequence}: the row now reads {snapshot}, the ledger recorded {recorded.Data}.")));
            }
        }

        foreach (var ((type, id), recorded) in latest)
        {
            if (recorded.Data != "null" && rowTypes.Contains(type) && !seen.Contains((type, id)))
            {
                problems.Add(new RowProblem(county, type, id, recorded.Sequence,
                    string.Create(CultureInfo.InvariantCulture, $"{type} {id} is recorded in the ledger (entry #{recorded.Sequence}) but is missing from the database.")));
            }
        }

        return problems;
    }

    /// <summary>Every ledgered domain row, as its canonical snapshot, grouped by county.</summary>
    private static async Task<Dictionary<Guid, List<(string Type, Guid Id, string Snapshot)>>> SnapshotRowsAsync(FenquanDbContext db, CancellationToken cancellationToken)
    {
        var result = new Dictionary<Guid, List<(string, Guid, string)>>();
        foreach (var entityType in db.Model.GetEntityTypes().Where(t => LedgerWriter.IsLedgered(t.ClrType) && !t.IsOwned()))
        {
            var set = (IQueryable<object>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!
                .MakeGenericMethod(entityType.ClrType).Invoke(db, null)!;
            foreach (var entity in await set.AsTracking().ToListAsync(cancellationToken))
            {
                var entry = db.Entry(entity);
                var (id, county) = LedgerWriter.Identify(entry);
                if (!result.TryGetValue(county, out var list))
                {
                    result[county] = list = [];
                }

                list.Add((entityType.ClrType.Name, id, Encoding.UTF8.GetString(EntitySnapshot.Of(entry))));
            }

            db.ChangeTracker.Clear();
        }

        return result;
    }
}
