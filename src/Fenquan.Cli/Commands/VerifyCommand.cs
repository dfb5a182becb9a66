using Fenquan.Data.Ledger;
using Fenquan.Data.Operations;
using Fenquan.Data.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Fenquan.Cli.Commands;

/// <summary>
/// R44: recomputes every county's ledger from the stored rows and reports each edited, reordered or
/// deleted entry, each bad tree head, and each domain row whose current state disagrees with the ledger.
/// Exit code 0 when everything checks, 1 when anything does not.
/// </summary>
public sealed class VerifyCommand(IAnsiConsole console) : AsyncCommand<StoreSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, StoreSettings settings, CancellationToken cancellationToken)
    {
        var data = settings.DataDirectory();
        var database = settings.DatabaseSettings();
        var publicKey = SigningKeyStore.LoadPublicKey(data)
            ?? throw new FenquanCliException($"No ledger key in {data.KeysFolder}: run `fenquan init` first, or pass --data.");
        if (database.Provider == DatabaseProvider.Sqlite && !File.Exists(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource))
        {
            throw new FenquanCliException($"No database at {database}: run `fenquan init` first, or pass --data.");
        }

        await using var db = FenquanDatabase.CreateContext(database);
        var report = await LedgerAudit.RunAsync(db, publicKey, cancellationToken: cancellationToken);
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

        if (report.IsIntact && attachments.Problems.Count == 0)
        {
            console.MarkupLineInterpolated($"[green]OK[/]: {report.Entries} ledger entries in {report.Counties.Count} counties verified; every row agrees with the ledger; {attachments.FilesChecked} attachment files match their ledgered hashes.");
            return FenquanApp.Ok;
        }

        var problems = report.Counties.Sum(c => c.Ledger.ProblemCount + c.RowProblemCount) + attachments.Problems.Count;
        console.MarkupLineInterpolated($"[red]FAILED[/]: {problems} problems found.");
        return FenquanApp.Failed;
    }
}
