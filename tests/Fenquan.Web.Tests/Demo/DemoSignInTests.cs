using System.Net;
using Fenquan.Cli;
using Fenquan.Core.Organization;
using Fenquan.Data.Storage;
using Fenquan.Testing;
using Fenquan.Web.Accounts;
using Fenquan.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Fenquan.Web.Tests.Demo;

/// <summary>
/// A demo county seeded by the command line (<c>fenquan demo</c>, which knows nothing of accounts)
/// gets its demo sign-ins when the web application starts on the same data folder: the same user
/// names for the same people as the server's own seed, the password made then and kept in the data
/// folder, printed as for the server's seed; officials sign in over real HTTP. A restart adds none.
/// On SQLite and on PostgreSQL.
/// </summary>
public sealed class DemoSignInTests
{
    public static TheoryData<string> Providers => new() { "sqlite", "postgres" };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task CountySeededByFenquanDemo_GetsItsDemoSignInsWhenTheServerStarts_SameNamesAsTheServersOwnSeed(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var data = Directory.CreateTempSubdirectory("fenquan-cli-demo-").FullName;
        string[] database = provider == "postgres" ? ["--db", await (await PostgresServer.StartOrSkipAsync()).CreateDatabaseAsync()] : [];
        try
        {
            // `fenquan demo`, in-process: people, teams, policies and matters, no accounts, no password file.
            var output = new StringWriter();
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No });
            var exit = await FenquanApp.RunAsync(["demo", "--data", data, "--matters", "12", .. database], console);
            Assert.True(exit == FenquanApp.Ok, output.ToString());
            Assert.False(File.Exists(Path.Combine(data, StartupTasks.DemoPasswordFile)));

            // The web application starts on that folder: the demo county exists, so it is not seeded again,
            // but its people get their sign-ins, with a password made now and kept in the data folder.
            Dictionary<string, string> cliAccounts;
            await using (var app = await StartAsync(data, database, ct))
            {
                var password = (await File.ReadAllTextAsync(Path.Combine(data, StartupTasks.DemoPasswordFile), ct)).Trim();
                Assert.StartsWith("Fq-", password, StringComparison.Ordinal);
                var report = app.Services.GetRequiredService<StartupReport>();
                Assert.Equal(password, report.DemoPassword);
                Assert.Equal(["admin", "admin2", "county.discipline", "u1.principal1", "u1.finance", "u1.personnel", "u1.procurement", "u1.construction", "u1.office", "u1.section1", "u1.staff1", "u1.discipline"], report.DemoSignIns.Select(s => s.UserName));

                cliAccounts = await AccountsAsync(app.Services, ct);
                Assert.Equal(2 + await PeopleAsync(app.Services, ct), cliAccounts.Count); // admin and admin2 (four eyes), then one account per person
                Assert.Single(await CountiesAsync(app.Services, ct));

                // Over real HTTP: the finance deputy of 城关镇 whom the command line seeded signs in.
                using var client = Client(app);
                Assert.Equal(HttpStatusCode.Unauthorized, (await WebApp.SignInAsync(client, "u1.finance", "not-the-password")).StatusCode);
                Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me", ct)).StatusCode);
                Assert.Equal(HttpStatusCode.Redirect, (await WebApp.SignInAsync(client, "u1.finance", password)).StatusCode);
                var me = await (await client.GetAsync("/api/v1/me", ct)).ReadAsync();
                Assert.Equal("城关镇", me.GetProperty("unitName").GetString());
                Assert.Contains(me.GetProperty("portfolio").EnumerateArray(), a => a.GetString() == nameof(Area.Finance));
                Assert.Equal(await FinanceDeputyOfChengguanAsync(app.Services, ct), me.GetProperty("personId").GetGuid());

                // The county administrator and a clerk of the fifth unit too.
                using var admin = Client(app);
                Assert.Equal(HttpStatusCode.Redirect, (await WebApp.SignInAsync(admin, "admin", password)).StatusCode);
                Assert.True((await (await admin.GetAsync("/api/v1/me", ct)).ReadAsync()).GetProperty("isCountyAdministrator").GetBoolean());
                using var clerk = Client(app);
                Assert.Equal(HttpStatusCode.Redirect, (await WebApp.SignInAsync(clerk, "u5.staff4", password)).StatusCode);
                Assert.Contains((await (await clerk.GetAsync("/api/v1/me", ct)).ReadAsync()).GetProperty("roles").EnumerateArray(), r => r.GetString() == nameof(Role.Staff));
                await app.StopAsync(ct);
            }

            // A restart creates no more accounts and keeps the password.
            await using (var again = await StartAsync(data, database, ct))
            {
                Assert.Equal(cliAccounts, await AccountsAsync(again.Services, ct));
                Assert.Equal((await File.ReadAllTextAsync(Path.Combine(data, StartupTasks.DemoPasswordFile), ct)).Trim(), again.Services.GetRequiredService<StartupReport>().DemoPassword);
                await again.StopAsync(ct);
            }

            // The server's own seed of the same demo gives every user name to the same person (by name).
            await using var seededByServer = await WebApp.StartAsync();
            Assert.Equal(cliAccounts, await AccountsAsync(seededByServer.Services, ct));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<WebApplication> StartAsync(string data, string[] database, CancellationToken ct)
    {
        var app = FenquanWeb.Build(
        [
            "--data", data, .. database, "--urls", "http://127.0.0.1:0", "--contentRoot", Browser.BrowserHost.ProjectFolder(),
            "--Fenquan:SignInPermitsPerAddress=1000", "--Logging:LogLevel:Default=Warning",
        ]);
        await app.StartAsync(ct);
        return app;
    }

    private static HttpClient Client(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }, disposeHandler: true) { BaseAddress = new Uri(address) };
    }

    /// <summary>User name → the name of the person it signs in as ("" for the county administrator).</summary>
    private static async Task<Dictionary<string, string>> AccountsAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var users = await scope.ServiceProvider.GetRequiredService<UserManager<FenquanUser>>().Users.AsNoTracking().Select(u => new { u.UserName, u.PersonId }).ToListAsync(ct);
        await using var db = services.GetRequiredService<FenquanStore>().Context();
        var names = await db.People.AsNoTracking().ToDictionaryAsync(p => p.Id.Value, p => p.Name, ct);
        return users.ToDictionary(u => u.UserName!, u => u.PersonId is { } id ? names[id] : string.Empty);
    }

    private static async Task<int> PeopleAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var db = services.GetRequiredService<FenquanStore>().Context();
        return await db.People.CountAsync(ct);
    }

    private static async Task<List<string>> CountiesAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var db = services.GetRequiredService<FenquanStore>().Context();
        return await db.Counties.AsNoTracking().Select(c => c.Name).ToListAsync(ct);
    }

    private static async Task<Guid> FinanceDeputyOfChengguanAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var db = services.GetRequiredService<FenquanStore>().Context();
        var unit = await db.Units.AsNoTracking().Where(u => u.Name == "城关镇").Select(u => u.Id).SingleAsync(ct);
        return (await db.PortfolioAssignments.AsNoTracking().Where(a => a.UnitId == unit && a.Area == Area.Finance).Select(a => a.DeputyId).SingleAsync(ct)).Value;
    }
}
