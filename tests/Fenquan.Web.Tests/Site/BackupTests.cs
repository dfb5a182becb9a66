using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Fenquan.Cli;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Fenquan.Web.Tests.Site;

/// <summary>
/// Backups (issue 12): `fenquan backup` taken while 32 clients write holds every action acknowledged
/// before it began; `fenquan restore` puts it into an empty folder and the ledger verifies.
/// </summary>
public sealed class BackupTests
{
    [Fact]
    public async Task BackupWhile32ClientsWrite_HoldsEveryAcknowledgedAction_AndRestoresVerified()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await LiveServer.StartAsync("backup");
        string[] users = ["u1.staff1", "u2.staff1", "u3.staff1", "u4.staff1", "u5.staff1", "u1.section1", "u2.section1", "u3.section1"];
        var clients = new List<HttpClient>();
        foreach (var user in users)
        {
            var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(server.Address) };
            Assert.Equal(HttpStatusCode.Redirect, (await WebApp.SignInAsync(client, user, WebApp.Password)).StatusCode);
            clients.Add(client);
        }

        // One voucher on disk, so the uploads are in the backup too.
        var first = await (await clients[0].PostAsJsonAsync("/api/v1/matters", new { kind = "Expense", title = "备份前的报销", amount = 300m, payMe = true }, ct)).ReadAsync();
        var voucher = new ByteArrayContent("%PDF-1.7 backup test voucher"u8.ToArray());
        var uploaded = await clients[0].PostAsync($"/api/v1/matters/{first.GetProperty("id").GetGuid()}/attachments", new MultipartFormDataContent { { voucher, "file", "发票.pdf" } }, ct);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var voucherHash = (await uploaded.ReadAsync()).GetProperty("contentHash").GetString()!;

        var acknowledged = new ConcurrentBag<(Guid Id, DateTimeOffset At)>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 32).Select(i => Task.Run(async () =>
        {
            var client = clients[i % clients.Count];
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                var response = await client.PostAsJsonAsync("/api/v1/matters", new { kind = "Expense", title = $"并发写入 {i}-{n++}", amount = 100m + i, payMe = true }, CancellationToken.None);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    acknowledged.Add(((await response.ReadAsync()).GetProperty("id").GetGuid(), DateTimeOffset.UtcNow));
                }
            }
        }, CancellationToken.None)).ToList();

        await Task.Delay(TimeSpan.FromSeconds(3), ct);
        var backupBegan = DateTimeOffset.UtcNow;
        var file = Path.Combine(Path.GetTempPath(), $"fenquan-backup-{Guid.NewGuid():N}.zip");
        var restored = Directory.CreateTempSubdirectory("fenquan-restored-").FullName;
        Directory.Delete(restored);
        try
        {
            var (backupExit, backupOutput) = await CliAsync("backup", "-o", file, "--data", server.Data);
            Assert.True(backupExit == 0, backupOutput);
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            await stop.CancelAsync();
            await Task.WhenAll(writers);

            var before = acknowledged.Where(a => a.At < backupBegan).Select(a => a.Id).ToHashSet();
            Assert.True(before.Count >= 32, $"only {before.Count} writes were acknowledged before the backup began");
            Assert.Contains(acknowledged, a => a.At > backupBegan); // the clients kept writing through it

            var (restoreExit, restoreOutput) = await CliAsync("restore", file, "--data", restored);
            Assert.True(restoreExit == 0, restoreOutput);
            Assert.True(restoreOutput.Contains("OK: ", StringComparison.Ordinal) && restoreOutput.Contains("verified", StringComparison.Ordinal), restoreOutput);

            await using var db = Fenquan.Data.Storage.FenquanDatabase.CreateContext(Fenquan.Data.Storage.DatabaseSettings.Resolve(Fenquan.Data.Storage.DataDirectory.Resolve(restored), null));
            var ids = (await db.Matters.AsNoTracking().Select(m => m.Id).ToListAsync(ct)).Select(id => id.Value).ToHashSet();
            var missing = before.Where(id => !ids.Contains(id)).ToList();
            Assert.True(missing.Count == 0, $"{missing.Count} of {before.Count} acknowledged matters are missing from the backup");
            Assert.True(File.Exists(Path.Combine(restored, "uploads", voucherHash[..2], voucherHash)), "the voucher is not in the restored uploads");

            // A restore never goes into a folder that holds data.
            var (againExit, againOutput) = await CliAsync("restore", file, "--data", restored);
            Assert.Equal(FenquanApp.Failed, againExit);
            Assert.Contains("not empty", againOutput, StringComparison.Ordinal);
        }
        finally
        {
            await stop.CancelAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
            foreach (var folder in new[] { restored, restored + "-keys" }.Where(Directory.Exists))
            {
                Directory.Delete(folder, recursive: true);
            }

            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    private static async Task<(int Exit, string Output)> CliAsync(params string[] args)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No });
        var exit = await FenquanApp.RunAsync(args, console);
        return (exit, output.ToString());
    }
}
