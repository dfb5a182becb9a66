using System.ComponentModel;
using Fenquan.Core.Ledger;
using Fenquan.Core.Primitives;
using Fenquan.Data.Ledger;
using Fenquan.Data.Operations;
using Fenquan.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Fenquan.Cli.Commands;

/// <summary>
/// R44: recomputes every county's ledger from the stored rows and reports each edited, reordered or
/// deleted entry, each bad tree head, and each domain row whose current state disagrees with the ledger.
/// With <c>--trust FILE</c> the keys come from that file, never from the server's folders; with
/// <c>--checkpoint FILE</c> (repeatable) each checkpoint kept elsewhere must be a prefix of today's
/// ledger: a rollback or a fork below it is reported with the sizes and roots.
/// Exit code 0 when everything checks, 1 when anything does not.
/// </summary>
public sealed class VerifyCommand(IAnsiConsole console) : AsyncCommand<VerifyCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--trust <FILE>")]
        [Description("Trust file (fenquan keys export-trust): take the log's keys from it, not from the key folder.")]
        public string? Trust { get; init; }

        [CommandOption("--checkpoint <FILE>")]
        [Description("A checkpoint kept elsewhere (a witness's, or an earlier download); repeat for several.")]
        public string[] Checkpoints { get; init; } = [];
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var data = settings.DataDirectory();
        var database = settings.DatabaseSettings();
        var trust = await TrustAsync(settings, cancellationToken);
        var publicKeys = trust.LogPublicKeys();
        var kept = new List<Checkpoint>();
        foreach (var file in settings.Checkpoints)
        {
            var opened = trust.OpenCheckpoint(await File.ReadAllTextAsync(file, cancellationToken));
            if (!opened.IsOk)
            {
                throw new FenquanCliException($"Checkpoint {file}: {opened.Refusal!.Reason}");
            }

            var (checkpoint, note) = opened.Value;
            var cosigners = trust.Witnesses.Where(w => note.Signatures.Any(s => Cosignature.Verify(w, note.Text, s) is not null)).Select(w => w.Name).ToList();
            console.MarkupLineInterpolated($"Kept checkpoint {file}: {checkpoint.Origin} size {checkpoint.Size} root {Convert.ToBase64String(checkpoint.Root)}, log signature good{(cosigners.Count > 0 ? ", cosigned by " + string.Join(", ", cosigners) : string.Empty)}.");
            kept.Add(checkpoint);
        }

        if (database.Provider == DatabaseProvider.Sqlite && !File.Exists(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource))
        {
            throw new FenquanCliException($"No database at {database}: run `fenquan init` first, or pass --data.");
        }

        await using var db = FenquanDatabase.CreateContext(database);

        // The audit only reads: a database the current version has not yet upgraded is named, not migrated here.
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList() is [var first, ..] pending)
        {
            throw new FenquanCliException($"The database at {database} is from an earlier version of Fenquan ({pending.Count} upgrades not yet applied, the first {first}): start the server or run `fenquan init` with the same --data once to upgrade it, then verify.");
        }

        var report = await LedgerAudit.RunAsync(db, publicKeys, kept, cancellationToken: cancellationToken);
        var rotationsBad = await CheckRotationsAsync(db, publicKeys, cancellationToken);
        var sm2Bad = await CheckSm2LinesAsync(db, trust, report.Counties.Select(c => c.County), cancellationToken);
        foreach (var county in report.Counties)
        {
            var ledger = county.Ledger;
            console.MarkupLineInterpolated($"County {county.County}: {ledger.EntryCount} entries, {ledger.HeadsChecked} signed tree heads good, root {Convert.ToHexStringLower(ledger.Root)}");
            foreach (var problem in ledger.Problems)
            {
                console.MarkupLineInterpolated($"  [red]{problem.Kind}[/] entry #{problem.FirstSequence}{(problem.LastSequence != problem.FirstSequence ? $"–#{problem.LastSequence}" : string.Empty)}: {problem.Message}");
            }

            if (ledger.ProblemCount > ledger.Problems.Count)
            {
                console.MarkupLineInterpolated($"  … and {ledger.ProblemCount - ledger.Problems.Count} more ledger problems");
            }

            foreach (var row in county.Rows)
            {
                console.MarkupLineInterpolated($"  [red]Row[/] {row.Message}");
            }

            if (county.RowProblemCount > county.Rows.Count)
            {
                console.MarkupLineInterpolated($"  … and {county.RowProblemCount - county.Rows.Count} more row problems");
            }
        }

        // Vouchers and attachments: the stored bytes still hash to what the ledger recorded.
        var attachments = await AttachmentOperations.VerifyAsync(db, new AttachmentStore(data), cancellationToken);
        foreach (var problem in attachments.Problems)
        {
            console.MarkupLineInterpolated($"  [red]Attachment[/] {problem.Message}");
        }

        if (report.IsIntact && attachments.Problems.Count == 0 && rotationsBad == 0 && sm2Bad == 0)
        {
            console.MarkupLineInterpolated($"[green]OK[/]: {report.Entries} ledger entries in {report.Counties.Count} counties verified; every row agrees with the ledger; {attachments.FilesChecked} attachment files match their ledgered hashes.");
            return FenquanApp.Ok;
        }

        var problems = report.Counties.Sum(c => c.Ledger.ProblemCount + c.RowProblemCount) + attachments.Problems.Count + rotationsBad + sm2Bad;
        console.MarkupLineInterpolated($"[red]FAILED[/]: {problems} problems found.");
        return FenquanApp.Failed;
    }

    // The keys: from the trust file when given (never from the server's folders), else the key folder's history.
    private static async Task<TrustFile> TrustAsync(Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Trust is { } file)
        {
            try
            {
                return TrustFile.Parse(await File.ReadAllTextAsync(file, cancellationToken));
            }
            catch (FormatException e)
            {
                throw new FenquanCliException($"Trust file {file}: {e.Message}");
            }
        }

        var keys = settings.KeyDirectory();
        var history = SigningKeyStore.LoadPublicKeys(keys);
        if (history.Count == 0)
        {
            throw new FenquanCliException($"No ledger key in {keys.Root}: run `fenquan init` first, or pass --keys or --trust.");
        }

        await using var db = FenquanDatabase.CreateContext(settings.DatabaseSettings());
        var counties = await db.Counties.AsNoTracking().Select(c => c.Id).ToListAsync(cancellationToken);
        return TrustFile.ForCounties(counties, history, [], SigningKeyStore.LoadSm2PublicKeys(keys));
    }

    // R44, GB/T 39786: with trusted SM2 keys, every SM2 line verifies and none is missing after the first.
    private async Task<int> CheckSm2LinesAsync(Data.FenquanDbContext db, TrustFile trust, IEnumerable<Guid> counties, CancellationToken cancellationToken)
    {
        int bad = 0;
        foreach (var county in counties)
        {
            var keys = trust.Sm2KeysOf(LogOrigin.Of(new CountyId(county)));
            if (keys.Count == 0)
            {
                continue;
            }

            var heads = await db.TreeHeads.AsNoTracking().Where(h => h.CountyId == county).OrderBy(h => h.TreeSize)
                .Select(h => new { h.TreeSize, h.Checkpoint }).ToListAsync(cancellationToken);
            var report = Sm2Lines.Check(heads.Select(h => (h.TreeSize, h.Checkpoint)), keys);
            console.MarkupLineInterpolated($"County {county}: {report.Good} checkpoints carry a good SM2 line{(report.FirstSignedSize is { } first ? $" (from size {first} on)" : string.Empty)}.");
            foreach (var problem in report.Problems)
            {
                console.MarkupLineInterpolated($"  [red]SM2[/] {problem}");
            }

            bad += report.Problems.Count;
        }

        return bad;
    }

    // R44: every rotation entry is signed by both keys, and its new key is one the verifier trusts.
    private async Task<int> CheckRotationsAsync(Data.FenquanDbContext db, IReadOnlyList<byte[]> trusted, CancellationToken cancellationToken)
    {
        var rows = await db.LedgerEntries.AsNoTracking().Where(e => e.Kind == KeyRotation.Kind).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        int bad = 0;
        foreach (var row in rows)
        {
            var rotation = KeyRotation.FromJson(new CountyId(row.CountyId), LedgerEntry.Parse(row.Bytes).Data);
            bool good = rotation is not null && rotation.IsValid() && trusted.Any(k => k.AsSpan().SequenceEqual(rotation.NewKey));
            console.MarkupLineInterpolated($"County {row.CountyId}: key rotation at entry #{row.Sequence} {(good ? "[green]signed by the old and the new key[/]" : "[red]not validly signed, or to a key not trusted[/]")}.");
            bad += good ? 0 : 1;
        }

        return bad;
    }
}
