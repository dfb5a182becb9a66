using Fenquan.Testing;
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

    private readonly LiveServer _server;
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly string _prefix;

    private BrowserHost(LiveServer server, IPlaywright playwright, IBrowser browser, string prefix)
    {
        _server = server;
        _playwright = playwright;
        _browser = browser;
        Address = server.Address;
        _prefix = prefix;
    }

    public string Address { get; }

    /// <summary>The one browser (for contexts of a language and size of their own).</summary>
    public IBrowser Browser => _browser;

    /// <summary>The server under test (its services, its data folder).</summary>
    public LiveServer Server => _server;

    /// <summary>The server's services (to run what a background service would, at a moved clock).</summary>
    public IServiceProvider Services => _server.App.Services;

    public static string Shots { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    /// <summary>Who each signed-in user is (from /api/v1/me); county administrators, who are no unit's person, are not listed.</summary>
    public Dictionary<string, Guid> People { get; } = [];

    /// <param name="prefix">Prefix of this test's screenshot files.</param>
    /// <param name="time">The server's clock (a test moves it); null: the real one.</param>
    /// <param name="extra">More server arguments (e.g. <c>--Fenquan:WitnessPushSeconds=1</c>).</param>
    public static async Task<BrowserHost> StartAsync(string prefix, int demoMatters = 0, TimeProvider? time = null, params string[] extra)
    {
        if (!File.Exists(Chromium))
        {
            Requirements.Missing("Chromium");
        }

        Directory.CreateDirectory(Shots);
        var server = await LiveServer.StartAsync("e2e-" + prefix, demoMatters, time, extra);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new BrowserHost(server, playwright, browser, prefix);
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

    /// <summary>A new browser context signed in through the sign-in form, on their home (the workbench for deputies and staff).</summary>
    public Task<IPage> SignInAsync(string user) => SignInAsync(user, 1280, 900);

    /// <summary>The same in a viewport of the given size (390 × 844: a phone), with or without JavaScript.</summary>
    public async Task<IPage> SignInAsync(string user, int width, int height, bool javaScript = true)
    {
        var context = await _browser.NewContextAsync(new() { BaseURL = Address, Locale = "zh-CN", ViewportSize = new() { Width = width, Height = height }, JavaScriptEnabled = javaScript });
        context.SetDefaultTimeout(BrowserCollection.TimeoutMs);
        context.SetDefaultNavigationTimeout(BrowserCollection.TimeoutMs);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/signin");
        await page.FillAsync("#UserName", user);
        await page.FillAsync("#Password", WebApp.Password);
        await page.ClickAsync("[data-testid=signin]");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath is "/" or "/workbench");
        var me = await (await page.APIRequest.GetAsync("/api/v1/me")).JsonAsync();
        // A county administrator is no person of a unit: nothing to remember.
        if (me!.Value.GetProperty("personId") is { ValueKind: System.Text.Json.JsonValueKind.String } person)
        {
            People[user] = person.GetGuid();
        }
        return page;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPage, object> Confirming = [];

    /// <summary>
    /// The person on <paramref name="page"/> answers OK to the confirmation an irreversible button
    /// asks first (data-confirm); without it Playwright dismisses the dialog and nothing is posted.
    /// Once per page, however often it is called.
    /// </summary>
    public static IPage AcceptConfirmations(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (Confirming.TryAdd(page, new object()))
        {
            page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        }

        return page;
    }

    public Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Shots, _prefix + "-" + name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _server.DisposeAsync();
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
