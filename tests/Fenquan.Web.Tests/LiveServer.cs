using Fenquan.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Fenquan.Web.Tests;

/// <summary>
/// The real server, Kestrel on a free port of 127.0.0.1 with the demo county in a temporary data
/// folder, for clients outside the process (Chromium, the Go checker, a witness).
/// </summary>
public sealed class LiveServer : IAsyncDisposable
{
    private LiveServer(string data, WebApplication app, string address)
    {
        Data = data;
        App = app;
        Address = address;
    }

    public string Data { get; }

    public WebApplication App { get; }

    public string Address { get; }

    /// <param name="time">The server's clock (a test moves it); null: the real one.</param>
    public static async Task<LiveServer> StartAsync(string prefix, int demoMatters = 0, TimeProvider? time = null, params string[] extra)
    {
        var data = Directory.CreateTempSubdirectory("fenquan-live-" + prefix + "-").FullName;
        var app = FenquanWeb.Build(
        [
            "--data", data, "--urls", "http://127.0.0.1:0", "--contentRoot", Browser.BrowserHost.ProjectFolder(),
            "--Fenquan:DemoMatters=" + demoMatters.ToString(System.Globalization.CultureInfo.InvariantCulture), "--Fenquan:DemoOpenTasks=0",
            "--Fenquan:DemoPassword=" + WebApp.Password, "--Fenquan:SignInPermitsPerAddress=1000",
            "--Logging:LogLevel:Default=Warning", .. extra,
        ], builder =>
        {
            if (time is not null)
            {
                builder.Services.AddSingleton(time);
            }
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new LiveServer(data, app, address);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Data, recursive: true);
            if (Directory.Exists(Data + "-keys"))
            {
                Directory.Delete(Data + "-keys", recursive: true);
            }
        }
        catch (IOException)
        {
        }
    }
}
