using System.Net;
using System.Net.Http.Json;
using Fenquan.Core.Organization;
using Fenquan.Data.Operations;
using Fenquan.Web.Accounts;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Fenquan.Web.Tests.Accounts;

/// <summary>
/// Accounts for people without one (R1), over real HTTP on the demo county: a county administrator
/// issues first-sign-in codes as an .xlsx (read back here with MiniExcel), the person sets their own
/// password with the code once, and a used, replaced or expired code, another county's person and a
/// non-administrator are refused.
/// </summary>
public sealed class FirstSignInCodeTests : IAsyncLifetime
{
    private const string NewPassword = "Mein-eigenes-Passwort-2026";
    private readonly ShiftableTime _time = new();
    private WebApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await WebApp.StartAsync(time: _time);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Two new people of the demo's first unit, with no account.</summary>
    private async Task<(Guid Unit, Guid[] People)> NewcomersAsync(params string[] names)
    {
        var organization = _app.Services.GetRequiredService<OrganizationOperations>();
        Guid county, unit;
        await using (var db = _app.Db())
        {
            county = db.Counties.Select(c => c.Id.Value).First();
            unit = db.Units.Where(u => u.CountyId == new Core.Primitives.CountyId(county)).OrderBy(u => u.Name).Select(u => u.Id.Value).First();
        }

        var people = new List<Guid>();
        foreach (var name in names)
        {
            var person = (await organization.AddPersonAsync(new(county), name)).Value;
            Assert.True((await organization.AddMembershipAsync(new(county), new(unit), person.Id, Role.Staff, new DateOnly(2020, 1, 1))).IsOk);
            people.Add(person.Id.Value);
        }

        return (unit, [.. people]);
    }

    private static async Task<List<IDictionary<string, object>>> IssueAsync(HttpClient admin, object body)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/accounts/first-sign-in-codes", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        using var xlsx = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return [.. xlsx.Query(useHeaderRow: true, sheetName: "首次登录码").Cast<IDictionary<string, object>>()];
    }

    private async Task<HttpResponseMessage> FirstSignInAsync(HttpClient client, string userName, string code, string password = NewPassword)
    {
        var form = await client.GetStringAsync("/account/first");
        return await client.PostAsync("/account/first", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Code"] = code,
            ["Password"] = password,
            ["Confirm"] = password,
            ["__RequestVerificationToken"] = WebApp.Token(form),
        }));
    }

    [Fact]
    [Trait("Rule", "R1")]
    public async Task IssuedCodes_AreInTheWorkbookOnce_AndAPersonSetsTheirOwnPasswordWithOne_OnlyOnce()
    {
        var (unit, people) = await NewcomersAsync("新同事甲", "新同事乙");
        var admin = await _app.SignInAsync("admin");

        var rows = await IssueAsync(admin, new { unit });

        Assert.Equal(["新同事乙", "新同事甲"], rows.Select(r => r["姓名"]!.ToString()!).Order(StringComparer.Ordinal)); // 乙 U+4E59, 甲 U+7532
        Assert.All(rows, r => Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$", r["首次登录码"]!.ToString()!));
        var expires = _time.GetUtcNow().AddDays(14).ToOffset(TimeSpan.FromHours(8));
        Assert.All(rows, r => Assert.InRange(DateTimeOffset.Parse(r["有效期至"]!.ToString()! + " +08:00", System.Globalization.CultureInfo.InvariantCulture), expires.AddMinutes(-2), expires));
        Assert.DoesNotContain(rows, r => r["登录名"]!.ToString()!.Contains("新同事", StringComparison.Ordinal));
        var first = rows.Single(r => r["姓名"]!.ToString() == "新同事甲");
        var (name, code) = (first["登录名"]!.ToString()!, first["首次登录码"]!.ToString()!);
        await using (var accounts = AccountsDbContext.Create(_app.Database))
        {
            // Nothing of the code itself is stored, only its salted hash, and the account has no password yet.
            var account = accounts.Users.Single(u => u.UserName == name);
            Assert.Null(account.PasswordHash);
            Assert.Equal(64, account.FirstSignInCodeHash!.Length);
            Assert.DoesNotContain(code.Replace("-", string.Empty, StringComparison.Ordinal), account.FirstSignInCodeHash, StringComparison.Ordinal);
        }

        var person = _app.NewClient();
        var signedIn = await FirstSignInAsync(person, name, code.ToLowerInvariant());
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/workbench", signedIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/workbench")).StatusCode);

        var again = await FirstSignInAsync(_app.NewClient(), name, code, "Ein-anderes-Passwort-2026");
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        await _app.SignInAsync(name, NewPassword);

        // People with an account are left out of the next issue.
        var next = await IssueAsync(admin, new { people = new[] { people[0], people[1] } });
        Assert.Equal(["新同事乙"], next.Select(r => r["姓名"]?.ToString()));
    }

    [Fact]
    [Trait("Rule", "R1")]
    public async Task AReplacedOrExpiredCode_IsRefused()
    {
        var (_, people) = await NewcomersAsync("新同事丙");
        var admin = await _app.SignInAsync("admin");
        var older = (await IssueAsync(admin, new { people })).Single();
        var newer = (await IssueAsync(admin, new { people })).Single();
        Assert.Equal(older["登录名"], newer["登录名"]);
        var name = newer["登录名"]!.ToString()!;

        Assert.Equal(HttpStatusCode.Unauthorized, (await FirstSignInAsync(_app.NewClient(), name, older["首次登录码"]!.ToString()!)).StatusCode);

        _time.Offset = TimeSpan.FromDays(15);
        var expired = await FirstSignInAsync(_app.NewClient(), name, newer["首次登录码"]!.ToString()!);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Contains("已过期", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R1")]
    public async Task AnotherCountysPerson_IsNotFound_AndOnlyCountyAdministratorsIssue()
    {
        var organization = _app.Services.GetRequiredService<OrganizationOperations>();
        var other = (await organization.CreateCountyAsync("另一县", CountyBounds.Default)).Value;
        var stranger = (await organization.AddPersonAsync(other.Id, "外县人员")).Value;
        var admin = await _app.SignInAsync("admin");
        var office = await _app.SignInAsync("u1.office");

        var notFound = await admin.PostAsJsonAsync("/api/v1/accounts/first-sign-in-codes", new { people = new[] { stranger.Id.Value } });
        var forbidden = await office.PostAsJsonAsync("/api/v1/accounts/first-sign-in-codes", new { people = Array.Empty<Guid>() });

        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("R1.CodesByCountyAdministrators", (await forbidden.ReadAsync()).GetProperty("key").GetString());
        await using var accounts = AccountsDbContext.Create(_app.Database);
        Assert.False(accounts.Users.Any(u => u.PersonId == stranger.Id.Value));
    }
}
