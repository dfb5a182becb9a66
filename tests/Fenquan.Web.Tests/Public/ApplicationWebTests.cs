using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Web.Tests.Public;

/// <summary>
/// Applications without an account over real HTTP (R24, R46): receipt number and code, the follow-up
/// page, the unit's handling; an unknown receipt and a wrong code answer the same; applicant data is
/// the handling unit's only; intake is rate-limited (IntakeRateLimitTests).
/// </summary>
[Trait("Rule", "R24")]
public sealed class ApplicationWebTests : IAsyncLifetime
{
    private WebApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await WebApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static string WithoutTokens(string html) =>
        Regex.Replace(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"", string.Empty);

    [Fact]
    [Trait("Rule", "R46")]
    public async Task ACitizen_AppliesWithoutAnAccount_AndFollowsItUp_TheUnitHandlesIt()
    {
        var county = await CitizenClient.CountyAsync(_app);
        var citizen = new CitizenClient(_app.NewClient());
        var (receipt, code) = await citizen.ApplyAsync(county, "QH-XK-001", leaveOut: "申请人身份证明（身份证或营业执照）");
        Assert.Matches("^[0-9]{16}$", receipt);
        Assert.Equal(16, code.Length);

        var followed = await (await citizen.FollowAsync(receipt, code)).Content.ReadAsStringAsync();
        Assert.Equal("待受理", CitizenClient.Field(followed, "state"));
        Assert.Equal("5个工作日", CitizenClient.Field(followed, "left"));
        Assert.DoesNotContain("王小明", followed);
        Assert.DoesNotContain(CitizenClient.ResidentId, followed);

        // The code is stored only as its hash.
        await using (var db = _app.Db())
        {
            var row = await db.Set<Core.Licensing.ApprovalApplication>().SingleAsync(a => a.ReceiptNumber == receipt);
            Assert.NotEqual(code, row.FollowUpCodeHash);
            Assert.Equal(Core.Licensing.ApprovalApplication.HashCode(code), row.FollowUpCodeHash);
        }

        // The unit asks at once for what is missing; the citizen hands it in; the unit accepts.
        var staff = await _app.SignInAsync("u1.staff1");
        var list = await staff.GetStringAsync("/applications");
        var id = Regex.Match(list, "href=\"/applications/([0-9a-f-]{36})\">" + receipt).Groups[1].Value;
        var details = await staff.GetStringAsync($"/applications/{id}");
        Assert.Contains("王小明", details);
        Assert.Contains(CitizenClient.ResidentId, details);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostAsync($"/applications/{id}?handler=Correction", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Missing"] = "申请人身份证明（身份证或营业执照）",
            ["__RequestVerificationToken"] = WebApp.Token(details),
        }))).StatusCode);
        var asked = await (await citizen.FollowAsync(receipt, code)).Content.ReadAsStringAsync();
        Assert.Equal("待补正", CitizenClient.Field(asked, "state"));
        Assert.Contains("申请人身份证明（身份证或营业执照）", WebUtility.HtmlDecode(asked));
        var corrected = await (await citizen.FollowAsync(receipt, code, "Correct", new KeyValuePair<string, string>("Documents", "申请人身份证明（身份证或营业执照）"))).Content.ReadAsStringAsync();
        Assert.Equal("待受理", CitizenClient.Field(corrected, "state"));

        details = await staff.GetStringAsync($"/applications/{id}");
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostAsync($"/applications/{id}?handler=Accept", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebApp.Token(details) }))).StatusCode);
        var accepted = await (await citizen.FollowAsync(receipt, code)).Content.ReadAsStringAsync();
        Assert.Equal("办理中", CitizenClient.Field(accepted, "state"));
        Assert.Equal("审查", CitizenClient.Field(accepted, "stage"));
        Assert.Equal("20个工作日", CitizenClient.Field(accepted, "left"));

        // Another unit's people do not find it; a principal of the unit sees it but cannot act (R2).
        var other = await _app.SignInAsync("u2.staff1");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/applications/{id}")).StatusCode);
        Assert.DoesNotContain(receipt, await other.GetStringAsync("/applications"));
        var principal = await _app.SignInAsync("u1.principal1");
        var seen = await principal.GetStringAsync($"/applications/{id}");
        Assert.DoesNotContain("data-testid=\"actions\"", seen);
        var tried = await principal.PostAsync($"/applications/{id}?handler=Step", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebApp.Token(seen) }));
        Assert.Contains("R24", await tried.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnUnknownReceipt_AndAWrongCode_AnswerTheSame()
    {
        var county = await CitizenClient.CountyAsync(_app);
        var citizen = new CitizenClient(_app.NewClient());
        var (receipt, code) = await citizen.ApplyAsync(county, "QH-XK-002");

        var wrong = code[..^1] + (code[^1] == 'A' ? 'B' : 'A');
        var wrongCode = await citizen.FollowAsync(receipt, wrong);
        var unknown = await citizen.FollowAsync("2026010199999999", wrong);

        Assert.Equal(HttpStatusCode.NotFound, wrongCode.StatusCode);
        Assert.Equal(wrongCode.StatusCode, unknown.StatusCode);
        var wrongBody = WithoutTokens(await wrongCode.Content.ReadAsStringAsync()).Replace(receipt, "RECEIPT", StringComparison.Ordinal);
        var unknownBody = WithoutTokens(await unknown.Content.ReadAsStringAsync()).Replace("2026010199999999", "RECEIPT", StringComparison.Ordinal);
        Assert.Equal(wrongBody, unknownBody);
        Assert.Contains("没有找到", wrongBody);
    }
}
