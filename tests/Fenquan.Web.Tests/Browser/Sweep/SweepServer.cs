using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Fenquan.Web.Tests.Browser.Sweep;

/// <summary>
/// The sweep's one seeded server and browser for the whole class: the demo county with a short
/// history, a purchase the section head submits and a citizen's application, and one signed-in
/// browser context per (user, language), made on first use.
/// </summary>
public sealed partial class SweepServer : IAsyncLifetime
{
    public static readonly string[] Languages = ["zh-CN", "en"];

    public static readonly int[] Widths = [1366, 390];

    private readonly Dictionary<string, string> _states = [];
    private readonly Dictionary<(string User, string Language), IBrowserContext> _contexts = [];

    public BrowserHost? Host { get; private set; }

    public SweepIds? Ids { get; private set; }

    /// <summary>artifacts/screenshots at the repository's root (ignored by git; named in the README).</summary>
    public static string Shots { get; } = Path.Combine(BrowserHost.ProjectFolder(), "..", "..", "artifacts", "screenshots");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(BrowserHost.Chromium))
        {
            return; // each test skips (or fails under FENQUAN_REQUIRE_ALL) with the reason
        }

        Host = await BrowserHost.StartAsync("sweep", demoMatters: 24);
        Ids = await FindIdsAsync(Host);
    }

    /// <summary>A page of the user's context in the language, at the width.</summary>
    public async Task<IPage> PageAsync(string? user, string language, int width)
    {
        var key = (user ?? string.Empty, language);
        if (!_contexts.TryGetValue(key, out var context))
        {
            string? state = null;
            if (user is not null && !_states.TryGetValue(user, out state))
            {
                var signedIn = await Host!.SignInAsync(user);
                state = await signedIn.Context.StorageStateAsync();
                await signedIn.Context.CloseAsync();
                _states[user] = state;
            }

            context = await Host!.Browser.NewContextAsync(new() { BaseURL = Host.Address, Locale = language, StorageState = state, ViewportSize = new() { Width = width, Height = 900 } });
            context.SetDefaultTimeout(BrowserCollection.TimeoutMs);
            context.SetDefaultNavigationTimeout(BrowserCollection.TimeoutMs);
            await context.AddCookiesAsync([new() { Name = ".AspNetCore.Culture", Value = Uri.EscapeDataString($"c={language}|uic={language}"), Url = Host.Address }]);
            _contexts[key] = context;
        }

        var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
        await page.SetViewportSizeAsync(width, 900);
        return page;
    }

    private static async Task<SweepIds> FindIdsAsync(BrowserHost host)
    {
        // A citizen applies to 农村村民宅基地审批 (handled by 城关镇) on the public form.
        var citizen = await host.AnonymousAsync();
        var county = await IdAsync(citizen, "/public", "/public/(?<id>[0-9a-f-]{36})/items");
        await citizen.GotoAsync($"/public/{county}/items?q=宅基地");
        var item = (await citizen.Locator("a[href*='/items/']").First.GetAttributeAsync("href"))!;
        var code = Uri.UnescapeDataString(item[(item.LastIndexOf('/') + 1)..]);
        await citizen.GotoAsync(item + "/apply");
        await CitizenApplication.SubmitAsync(citizen);

        await citizen.WaitForSelectorAsync("[data-testid=receipt-number]");
        await citizen.Context.CloseAsync();

        var section = await host.SignInAsync("u1.section1");
        var own = (await SplitPurchases.SubmitAsync(section))[0];
        await section.Context.CloseAsync();

        var principal = await host.SignInAsync("u1.principal1");
        var matter = await IdAsync(principal, "/matters", "^/matters/(?<id>[0-9a-f-]{36})$");
        var meeting = await IdAsync(principal, "/meetings", "^/meetings/(?<id>[0-9a-f-]{36})$");
        await principal.Context.CloseAsync();
        var deputy = await host.SignInAsync("u1.construction");
        var construction = await IdAsync(deputy, "/construction", "^/construction/(?<id>[0-9a-f-]{36})$");
        await deputy.Context.CloseAsync();
        var staff = await host.SignInAsync("u1.staff1");
        var application = await IdAsync(staff, "/applications", "^/applications/(?<id>[0-9a-f-]{36})$");
        await staff.Context.CloseAsync();

        // The discipline member enters a complaint taken on the 12345 hotline.
        var discipline = await host.SignInAsync("u1.discipline");
        await discipline.GotoAsync("/complaints");
        await discipline.FillAsync("#Order", "12345-20261207-001");
        await discipline.FillAsync("#Complainant", "李先生");

        await discipline.FillAsync("#Body", "办理宅基地审批超过承诺时限。");
        await discipline.ClickAsync("[data-testid=enter-submit]");
        var complaint = await IdAsync(discipline, "/complaints", "^/complaints/(?<id>[0-9a-f-]{36})$");
        await discipline.Context.CloseAsync();

        return new SweepIds
        {
            County = county, ItemCode = code, Matter = matter, OwnMatter = Guid.Parse(own.Split('/')[2]),
            Meeting = meeting, Construction = construction, Application = application, Complaint = complaint,

        };
    }

    /// <summary>The id in the first link of the list page whose address matches the pattern.</summary>
    private static async Task<Guid> IdAsync(IPage page, string list, string pattern)
    {
        await page.GotoAsync(list);
        var links = await page.EvalOnSelectorAllAsync<string[]>("a[href]", "links => links.map(a => a.getAttribute('href'))");
        var regex = new Regex(pattern);
        var match = links.Select(l => regex.Match(l)).FirstOrDefault(m => m.Success)
            ?? throw new InvalidOperationException($"{list} shows no link like {pattern}: the sweep needs one in the demo data.");
        return Guid.Parse(match.Groups["id"].Value);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts.Values)
        {
            await context.CloseAsync();
        }

        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}
