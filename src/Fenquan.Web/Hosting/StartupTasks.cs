using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Fenquan.Data.Demo;
using Fenquan.Data.Storage;
using Fenquan.Web.Accounts;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Fenquan.Web.Hosting;

/// <summary>What the first start did, for the console and for tests.</summary>
public sealed class StartupReport
{
    public Core.Primitives.CountyId? DemoCounty { get; set; }

    public string? DemoPassword { get; set; }

    /// <summary>User name → (person name, unit, role description), in the order printed.</summary>
    public List<(string UserName, string Description)> DemoSignIns { get; } = [];

    /// <summary>The one-time code of the first-run setup, when the store has no county yet.</summary>
    public string? SetupCode { get; set; }
}

/// <summary>
/// Before the server listens: migrate the accounts schema, seed the demo county once (unless turned
/// off) and give every demo person a sign-in — also when the demo county was seeded by
/// <c>fenquan demo</c>, which creates people but no accounts. When the server has started: print
/// the address and one demo sign-in per role.
/// </summary>
public sealed class StartupTasks(
    IServiceProvider services,
    FenquanStore store,
    IOptions<FenquanOptions> options,
    StartupReport report,
    IHostApplicationLifetime lifetime,
    IServer server,
    ILogger<StartupTasks> logger) : IHostedService
{
    public const string DemoPasswordFile = "demo-password.txt";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var accounts = AccountsDbContext.Create(store.Database))
        {
            await accounts.Database.MigrateAsync(cancellationToken);
        }

        if (options.Value.SeedDemo)
        {
            await SeedDemoAsync(cancellationToken);
        }

        report.SetupCode = await services.GetRequiredService<Fenquan.Web.Setup.SetupGate>().OpenIfEmptyAsync(cancellationToken);

        lifetime.ApplicationStarted.Register(Print);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SeedDemoAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<FenquanUser>>();
        bool exists;
        await using (var db = store.Context())
        {
            exists = await DemoCounty.ExistsAsync(db, cancellationToken);
        }

        var password = DemoPassword();
        report.DemoPassword = password;
        if (!exists)
        {
            logger.LogInformation("Seeding the demo county {County} ({Matters} matters)…", DemoCounty.CountyName, options.Value.DemoMatters);
            var info = await DemoCounty.SeedAsync(store.Data, store.Database, store.Time, new DemoOptions { Matters = options.Value.DemoMatters, OpenTasksPerPerson = options.Value.DemoOpenTasks }, cancellationToken: cancellationToken);
            await DemoAccounts.CreateAsync(users, info, password);
        }

        await using (var db = store.Context())
        {
            var county = await DemoCounty.FindAsync(db, cancellationToken) ?? default;
            report.DemoCounty = county;

            // Seeded by `fenquan demo` (which has no accounts) or left without them by an interrupted
            // first start: the people are there but nobody can sign in. Give them their demo sign-ins.
            if (exists && !await DemoAccounts.AnyAsync(users, county, cancellationToken))
            {
                var info = await DemoAccounts.LoadAsync(db, county, cancellationToken);
                var created = await DemoAccounts.CreateAsync(users, info, password);
                logger.LogInformation("The demo county {County} had no sign-ins (seeded by `fenquan demo`): created {Accounts} demo accounts.", DemoCounty.CountyName, created);
            }
        }

        foreach (var (userName, description) in DemoPrintList)
        {
            if (await users.FindByNameAsync(userName) is not null)
            {
                report.DemoSignIns.Add((userName, description));
            }
        }
    }

    // One sign-in per role, in the first unit (城关镇, a township with two principals).
    private static readonly (string UserName, string Description)[] DemoPrintList =
    [
        ("admin", "county administrator 县管理员"),
        ("admin2", "second county administrator: confirms county data changes (four eyes) 第二名县级管理员（双人确认）"),
        ("county.discipline", "county discipline inspection, notified of county data changes 县纪委监委"),
        ("u1.principal1", "principal 正职 (党委书记)"),
        ("u1.finance", "finance deputy 分管财务副职"),
        ("u1.personnel", "personnel + administrative approval deputy 分管人事、行政审批副职"),
        ("u1.procurement", "procurement deputy 分管物资采购副职"),
        ("u1.construction", "construction deputy 分管工程建设副职"),
        ("u1.office", "office reviewer, unit administrator 办公室审核、单位管理员"),
        ("u1.section1", "section head 股室负责人"),
        ("u1.staff1", "staff 工作人员 (section clerk)"),
        ("u1.discipline", "discipline member 纪检"),
    ];

    private string DemoPassword()
    {
        if (!string.IsNullOrEmpty(options.Value.DemoPassword))
        {
            return options.Value.DemoPassword;
        }

        var file = Path.Combine(store.Data.Root, DemoPasswordFile);
        if (File.Exists(file))
        {
            return File.ReadAllText(file, Encoding.UTF8).Trim().Trim('\uFEFF');
        }

        // Not a secret in the repository: made at first start, kept in the data folder.
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var password = "Fq-" + RandomNumberGenerator.GetString(alphabet, 12);
        File.WriteAllText(file, password + "\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return password;
    }

    private void Print()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Fenquan 分权 is listening on: {string.Join(", ", addresses)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Data folder: {store.Data.Root}; database: {store.Database}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Key folder (signing key, encrypted; keep it off backups of the data folder): {store.Keys.Root}");
        if (report.SetupCode is { } code)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"First run: no county yet. Open {addresses.FirstOrDefault()}/setup and enter the one-time setup code {code} to create the county and its first administrator.");
            text.AppendLine(CultureInfo.InvariantCulture, $"首次运行：尚无县。请打开 /setup 并输入一次性设置码 {code}，创建县及第一位县级管理员。");
        }

        if (report.DemoSignIns.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Demo sign-ins ({DemoCounty.CountyName}, unit u1 = 城关镇; u2…u5 are the other units), password: {report.DemoPassword}");
            foreach (var (userName, description) in report.DemoSignIns)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {userName,-18} {description}");
            }
        }

        Console.Out.Write(text.ToString());
    }
}
