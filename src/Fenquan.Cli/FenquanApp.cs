using Fenquan.Cli.Commands;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Fenquan.Cli;

/// <summary>The `fenquan` command. Errors are clear messages with a non-zero exit code, never stack traces.</summary>
public static class FenquanApp
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int UsageError = 2;

    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, CancellationToken cancellationToken = default)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("fenquan");
            config.Settings.Console = console;
            config.AddCommand<InitCommand>("init").WithDescription("Create the data folder, the ledger signing key and the database (初始化).");
            config.AddCommand<DemoCommand>("demo").WithDescription("Seed a demo county: 2 townships, 3 departments, teams, policies and matters (演示数据).");
            config.AddBranch("policy", policy =>
            {
                policy.SetDescription("Unit policies (R40).");
                policy.AddCommand<PolicyCheckCommand>("check").WithDescription("Verify a policy file: complete, within county bounds, safe (策略校验).");
            });
            config.AddBranch("catalogue", catalogue =>
            {
                catalogue.SetDescription("The county's government procurement catalogue (政府采购目录, R18).");
                catalogue.AddCommand<CatalogueListCommand>("list").WithDescription("The catalogue in force.");
                catalogue.AddCommand<CatalogueImportCommand>("import").WithDescription("Propose a new version from a JSON file; a second county administrator confirms it (R40).");
            });
            config.AddBranch("approval-items", items =>
            {
                items.SetDescription("The county's register of administrative approval items (行政审批事项目录, R23, R24).");
                items.AddCommand<ApprovalItemsListCommand>("list").WithDescription("The register in force.");
                items.AddCommand<ApprovalItemsImportCommand>("import").WithDescription("Propose a new version from a JSON file; a second county administrator confirms it (R40).");
            });
            config.AddBranch("counterparties", counterparties =>
            {
                counterparties.SetDescription("The county's register of external payees: companies by credit code, individuals by ID number (往来单位, R6).");
                counterparties.AddCommand<CounterpartyListCommand>("list").WithDescription("The register, ID numbers masked.");
                counterparties.AddCommand<CounterpartyRegisterCommand>("register").WithDescription("Register a company or an individual as a county administrator (--by).");
            });
            config.AddBranch("county", county =>
            {
                county.SetDescription("The county: name, bounds and switches (R2–R5, R16; 县级设置).");
                county.AddCommand<CountyCreateCommand>("create").WithDescription("Create the county of a data folder that has none: --county-name and optional bounds.");
                county.AddCommand<CountyShowCommand>("show").WithDescription("Name, bounds and switches in force, and the changes under way with the units they wait for.");
                county.AddCommand<CountySetCommand>("set").WithDescription("Propose new bounds or switches --by a county administrator; a second confirms it (R40).");
            });
            config.AddBranch("county-changes", changes =>
            {
                changes.SetDescription("Changes to route-deciding county data under four eyes (R40).");
                changes.AddCommand<CountyChangesListCommand>("list").WithDescription("Proposed and confirmed changes, newest first.");
                changes.AddCommand<CountyChangesConfirmCommand>("confirm").WithDescription("Confirm a pending change as a county administrator other than its proposer.");
            });
            config.AddBranch("flags", flags =>
            {
                flags.SetDescription("Red flags: split purchases and amounts just under limits (R47, 预警).");
                flags.AddCommand<FlagsScanCommand>("scan").WithDescription("Scan the county's purchase history for split purchases and threshold hugging (for inspectors).");
            });
            config.AddBranch("budget", budget =>
            {
                budget.SetDescription("A unit's budget by line (预算指标, R4, R5).");
                budget.AddCommand<BudgetImportCommand>("import").WithDescription("Import the finance bureau's approval (.xlsx); a second official confirms it in the application (R5).");
            });
            config.AddCommand<ImportCommand>("import").WithDescription("Import the county's organisation from .xlsx or .csv, all or nothing (R1–R3, 导入组织架构); `import template` writes the templates.");
            config.AddCommand<VerifyCommand>("verify").WithDescription("Recompute the ledger and compare every row with it (R44, 核验).");
            config.AddBranch("keys", keys =>
            {
                keys.SetDescription("The ledger's signing key, kept outside the data folder (R44, 密钥).");
                keys.AddCommand<KeysRotateCommand>("rotate").WithDescription("Replace the signing key; each county's ledger records the handover, signed by both keys.");
                keys.AddCommand<KeysAddSm2Command>("add-sm2").WithDescription("Add an SM2 key: every checkpoint then carries an SM2/SM3 signature line too (密评, GB/T 39786).");
                keys.AddCommand<KeysExportTrustCommand>("export-trust").WithDescription("Write the trust file verifiers keep: the log's keys and the witnesses' keys.");
            });
            config.AddCommand<WitnessCommand>("witness").WithDescription("Run a witness (见证方) for other offices' logs: own key, own record, cosigns only extensions (R44).");
            config.AddCommand<BackupCommand>("backup").WithDescription("A consistent online backup of a SQLite data folder: database, uploads, public keys (备份).");
            config.AddCommand<RestoreCommand>("restore").WithDescription("Restore a backup into an empty data folder, then verify the ledger (恢复).");
            config.AddCommand<ExportCommand>("export").WithDescription("Export the ledger as JSON lines (导出台账), or with --ocds the OCDS release and record packages (R22).");
            config.SetExceptionHandler((exception, _) =>
            {
                var message = exception switch
                {
                    CommandParseException or CommandRuntimeException => exception.Message,
                    FenquanCliException => exception.Message,
                    _ => $"{exception.GetType().Name}: {exception.Message}",
                };
                console.MarkupLineInterpolated($"[red]Error:[/] {message}");
                return exception is CommandParseException or CommandRuntimeException ? UsageError : Failed;
            });
        });
        return await app.RunAsync(args, cancellationToken);
    }
}

/// <summary>An error the user can act on: shown as its message alone.</summary>
public sealed class FenquanCliException(string message) : Exception(message)
{
    /// <summary>A refusal worded in the terminal's language (zh-CN unless LANG names English), its rule named first.</summary>
    public static FenquanCliException Refused(Fenquan.Core.Primitives.Refusal refusal) => new(Documents.Language.RefusalText.Shared.WithRule(refusal));
}
