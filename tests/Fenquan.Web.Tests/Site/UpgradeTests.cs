using System.Net;
using System.Net.Http.Json;
using Fenquan.Cli;
using Fenquan.Data.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Fenquan.Web.Tests.Site;

/// <summary>
/// Upgrades keep a county's data (issue 12): the current build started on a data folder made by the
/// schema of the first migrations release (TestData/schema-1.zip) migrates it, keeps every matter,
/// takes new work, and its ledger verifies.
/// </summary>
public sealed class UpgradeTests
{
    [Fact]
    public async Task CurrentBuild_OnADataFolderOfTheFirstSchema_MigratesIt_KeepsEverything_AndVerifies()
    {
        var ct = TestContext.Current.CancellationToken;
        var root = Directory.CreateTempSubdirectory("fenquan-upgrade-").FullName;
        var data = DataDirectory.Resolve(Path.Combine(root, "data"));
        var keys = KeyDirectory.Resolve(data);
        try
        {
            var testData = Path.Combine(AppContext.BaseDirectory, "TestData");
            await Backup.RestoreAsync(Path.Combine(testData, "schema-1.zip"), data, keys, ct);
            File.Copy(Path.Combine(testData, "schema-1.passphrase"), keys.PassphraseFile);
            await using (var old = FenquanDatabase.CreateContext(DatabaseSettings.Resolve(data, null)))
            {
                Assert.Equal(["20261206221451_Initial"], await old.Database.GetAppliedMigrationsAsync(ct));
            }

            var app = FenquanWeb(data.Root);
            await app.StartAsync(ct);
            try
            {
                var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
                using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
                Assert.Equal(HttpStatusCode.Redirect, (await WebApp.SignInAsync(client, "u1.staff1", WebApp.Password)).StatusCode);
                var submitted = await client.PostAsJsonAsync("/api/v1/matters", new { kind = "Expense", title = "升级后的第一笔报销", amount = 120m, payMe = true }, ct);
                Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
            }
            finally
            {
                await app.StopAsync(CancellationToken.None);
                await app.DisposeAsync();
            }

            await using (var upgraded = FenquanDatabase.CreateContext(DatabaseSettings.Resolve(data, null)))
            {
                Assert.Equal(upgraded.Database.GetMigrations(), await upgraded.Database.GetAppliedMigrationsAsync(ct));
                Assert.Equal(21, await upgraded.Matters.CountAsync(ct));

                // The first schema ledgered its notifications; they are now messages, saved but not
                // ledgered (LedgerWriter.IsMessage). Read marks on those old rows change no entry, and
                // the ledger still verifies: the old entries are checked as entries, the rows not compared.
                // Four old rows, and those the new claim's first step sent.
                Assert.InRange(await upgraded.Database.ExecuteSqlRawAsync("UPDATE notifications SET \"ReadAt\" = '2026-12-07 09:00:00+00:00'", ct), 5, int.MaxValue);
            }

            var output = new StringWriter();
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No });
            var exit = await FenquanApp.RunAsync(["verify", "--data", data.Root], console);
            Assert.True(exit == FenquanApp.Ok, output.ToString());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    private static Microsoft.AspNetCore.Builder.WebApplication FenquanWeb(string data) => Hosting.FenquanWeb.Build(
    [
        "--data", data, "--urls", "http://127.0.0.1:0", "--contentRoot", Browser.BrowserHost.ProjectFolder(),
        "--Fenquan:DemoPassword=" + WebApp.Password, "--Logging:LogLevel:Default=Warning",
    ]);
}
