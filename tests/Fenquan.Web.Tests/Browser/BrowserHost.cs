using Fenquan.Testing;
using Fenquan.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Fenquan.Web.Tests.Browser;

/// <summary>
/// The real server (Kestrel on a free port of 127.0.0.1, the demo county in a temporary data folder)
/// and Debian's Chromium, with one browser context per signed-in person, as the browser tests use
/// them. Screenshots go to TestResults/screenshots beside the test assembly.
/// </summary>
public sealed class BrowserHost : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly string _data;
    private readonly WebApplication _app;
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly string _prefix;

    private BrowserHost(string data, WebApplication app, IPlaywright playwright, IBrowser browser, string address, string prefix)
    {
        _data = data;
        _app = app;
        _playwright = playwright;
        _browser = browser;
        Address = address;
        _prefix = prefix;
    }

    public string Address { get; }

    /// <summary>The server's services (to run what a background service would, at a moved clock).</summary>
    public IServiceProvider Services => _app.Services;

    public static string Shots { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    /// <summary>Who each signed-in user is (from /api/v1/me); county administrators, who are no unit's person, are not listed.</summary>
    public Dictionary<string, Guid> People { get; } = [];

    /// <param name="prefix">Prefix of this test's screenshot files.</param>
    /// <param name="time">The server's clock (a test moves it); null: the real one.</param>
    public static async Task<BrowserHost> StartAsync(string prefix, int demoMatters = 0, TimeProvider? time = null)
    {
        if (!File.Exists(Chromium))
        {
            Requirements.Missing("Chromium");
        }

        var data = Directory.CreateTempSubdirectory("fenquan-e2e-" + prefix + "-").FullName;
        Directory.CreateDirectory(Shots);
        var app = FenquanWeb.Build(
        [
            "--data", data, "--urls", "http://127.0.0.1:0", "--contentRoot", ProjectFolder(),
            "--Fenquan:DemoMatters=" + demoMatters.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Fenquan:DemoPassword=" + WebApp.Password, "--Fenquan:SignInPermitsPerMinute=1000",
            "--Logging:LogLevel:Default=Warning",
        ], builder =>
        {
            if (time is not null)
            {
                builder.Services.AddSingleton(time);
            }
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new BrowserHost(data, app, playwright, browser, address, prefix);
    }

    /// <summary>A new browser context of someone without an account (a citizen), on the public pages.</summary>
    public async Task<IPage> AnonymousAsync()
    {
        var context = await _browser.NewContextAsync(new() { BaseURL = Address, Locale = "zh-CN", ViewportSize = new() { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(BrowserCollection.TimeoutMs);
        context.SetDefaultNavigationTimeout(BrowserCollection.TimeoutMs);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/public");
        return page;
    }

    /// <summary>A new browser context signed in through the sign-in form, on the workbench.</summary>
    public async Task<IPage> SignInAsync(string user)
    {
        var context = await _browser.NewContextAsync(new() { BaseURL = Address, Locale = "zh-CN", ViewportSize = new() { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(BrowserCollection.TimeoutMs);
        context.SetDefaultNavigationTimeout(BrowserCollection.TimeoutMs);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/signin");
        await page.FillAsync("#UserName", user);
        await page.FillAsync("#Password", WebApp.Password);
        await page.ClickAsync("[data-testid=signin]");
        await page.WaitForURLAsync("**/workbench");
        var me = await (await page.APIRequest.GetAsync("/api/v1/me")).JsonAsync();
        // A county administrator is no person of a unit: nothing to remember.
        if (me!.Value.GetProperty("personId") is { ValueKind: System.Text.Json.JsonValueKind.String } person)
        {
            People[user] = person.GetGuid();
        }
        return page;
    }

    public Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Shots, _prefix + "-" + name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public static string ProjectFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Fenquan.slnx")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("Fenquan.slnx not found above the test folder."), "src", "Fenquan.Web");
    }
}
