using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fenquan.Web.Tests.Public;

/// <summary>Public intake is rate-limited per client address (R24), and the address is stored nowhere.</summary>
[Trait("Rule", "R24")]
public sealed class IntakeRateLimitTests : IAsyncLifetime
{
    private const string ClientAddress = "203.0.113.77";

    private WebApp _app = null!;

    public async ValueTask InitializeAsync() =>
        _app = await WebApp.StartAsync(services: s => s.AddSingleton<IStartupFilter>(new FromAddress(IPAddress.Parse(ClientAddress))));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    // Every request comes from one public address, as from a citizen's network.
    private sealed class FromAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    [Fact]
    public async Task Intake_IsRateLimited_AndTheClientAddressIsStoredNowhere()
    {
        var county = await CitizenClient.CountyAsync(_app);
        var citizen = new CitizenClient(_app.NewClient());
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            statuses.Add((await citizen.PostFormAsync($"/public/{county}/items/QH-XK-003/apply",
                [new("Kind", "Person"), new("Name", "李四" + i), new("Number", CitizenClient.ResidentId), new("Documents", "申请书")])).StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.True(statuses.Count(s => s == HttpStatusCode.OK) <= 10, string.Join(",", statuses));

        // Nothing of the address reaches the database: not in any row, not in the ledger.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var bytes = await File.ReadAllBytesAsync(Path.Combine(_app.DataFolder, "fenquan.db"));
        var wal = Path.Combine(_app.DataFolder, "fenquan.db-wal");
        var all = bytes.Concat(File.Exists(wal) ? await File.ReadAllBytesAsync(wal) : []).ToArray();
        Assert.Equal(-1, System.Text.Encoding.ASCII.GetString(all).IndexOf(ClientAddress, StringComparison.Ordinal));
        await using var db = _app.Db();
        Assert.True(await db.Set<Core.Licensing.ApprovalApplication>().CountAsync(a => a.ItemCode == "QH-XK-003") >= 1);
    }
}
