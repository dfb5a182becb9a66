using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fenquan.Core.Matters;
using Fenquan.Core.Primitives;
using Fenquan.Data;
using Fenquan.Data.Operations;
using Fenquan.Data.Storage;
using Fenquan.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Web.Tests;

/// <summary>
/// The web application on a real database — a SQLite file in a temporary data folder, or a fresh
/// database on the throwaway PostgreSQL server — seeded with a small demo county, with clients that
/// sign in through the real sign-in form.
/// </summary>
public sealed class WebApp : WebApplicationFactory<Program>
{
    public const string Password = "Test-Password-2026";

    private readonly Action<IServiceCollection>? _services;

    private readonly IReadOnlyDictionary<string, string> _settings;

    private WebApp(string dataFolder, string? connectionString, TimeProvider? time, Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string>();
        DataFolder = dataFolder;
        ConnectionString = connectionString;
        Time = time;
        _services = services;
    }

    /// <summary>The clock the application runs on when a test moves time (see <see cref="ShiftableTime"/>); null: the real clock.</summary>
    public TimeProvider? Time { get; }

    public string DataFolder { get; }

    public string? ConnectionString { get; }

    public DatabaseSettings Database => DatabaseSettings.Resolve(DataDirectory.Resolve(DataFolder), ConnectionString);

    /// <param name="services">Test-only services added last (e.g. a client address for every request).</param>
    /// <param name="settings">Configuration set last, over the test defaults (e.g. the production sign-in limit).</param>
    public static async Task<WebApp> StartAsync(string provider = "sqlite", TimeProvider? time = null, Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var folder = Directory.CreateTempSubdirectory("fenquan-web-").FullName;
        var connection = provider == "postgres" ? await (await PostgresServer.StartOrSkipAsync()).CreateDatabaseAsync() : null;
        var app = new WebApp(folder, connection, time, services, settings);
        using var warm = app.CreateClient();
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Fenquan:Data", DataFolder);
        if (ConnectionString is not null)
        {
            builder.UseSetting("Fenquan:Db", ConnectionString);
        }

        builder.UseSetting("Fenquan:DemoMatters", "4");
        builder.UseSetting("Fenquan:DemoOpenTasks", "0");
        builder.UseSetting("Fenquan:DemoPassword", Password);
        builder.UseSetting("Fenquan:SignInPermitsPerAddress", "100000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (Time is { } time)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(time));
        }

        if (_services is { } extra)
        {
            builder.ConfigureTestServices(extra);
        }
    }

    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in through the sign-in form.</summary>
    public async Task<HttpClient> SignInAsync(string userName, string password = Password)
    {
        var client = NewClient();
        var response = await SignInAsync(client, userName, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password)
    {
        var form = await client.GetStringAsync("/account/signin");
        return await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
            ["__RequestVerificationToken"] = Token(form),
        }));
    }

    public static string Token(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

    /// <summary>Posts a page's form to one of its handlers, with the antiforgery token the page gave.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(page);
        fields["__RequestVerificationToken"] = Token(html);
        return await client.PostAsync(page + "?handler=" + handler, new FormUrlEncodedContent(fields));
    }

    public FenquanDbContext Db() => FenquanDatabase.CreateContext(Database);

    /// <summary>How many ledger entries and matters there are (to show a refused request changed nothing).</summary>
    public async Task<(int Ledger, int Matters, int Actions)> CountsAsync()
    {
        await using var db = Db();
        return (await db.LedgerEntries.CountAsync(), await db.Matters.CountAsync(), await db.MatterActions.CountAsync());
    }

    public async Task<(Matter Matter, OrganizationSnapshotLike Org)> LoadAsync(Guid id)
    {
        await using var db = Db();
        var matter = await db.Matters.AsNoTracking().Include(m => m.Actions).Include(m => m.Changes).SingleAsync(m => m.Id == new MatterId(id));
        var org = OrganizationOperations.LoadUnitView(db, matter.CountyId, matter.UnitId);
        return (matter, new OrganizationSnapshotLike(org));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
            if (Directory.Exists(DataFolder + "-keys"))
            {
                Directory.Delete(DataFolder + "-keys", recursive: true);
            }
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>The real clock (to the microsecond, as the application keeps it) moved by <see cref="Offset"/>: a test lets days pass.</summary>
public sealed class ShiftableTime : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => Hosting.MicrosecondTimeProvider.Instance.GetUtcNow() + Offset;
}

/// <summary>The unit's organisation view as the core sees it (the oracle of who may act).</summary>
public sealed record OrganizationSnapshotLike(Core.Organization.OrganizationSnapshot View);

public static class Json
{
    public static async Task<JsonElement> ReadAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>());

    public static async Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        await client.PostAsJsonAsync(url, body);
}
