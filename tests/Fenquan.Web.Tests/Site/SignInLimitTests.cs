using System.Net;

namespace Fenquan.Web.Tests.Site;

/// <summary>
/// Sign-in limits (issue 12): a township office of 200 people behind one address signs in within ten
/// minutes; 5 wrong passwords lock one account for 15 minutes, as 等保 practice expects; over the
/// per-address limit, a page in Chinese says when to try again.
/// </summary>
public sealed class SignInLimitTests
{
    [Fact]
    public async Task TwoHundredSignIns_FromOneAddress_WithinTenMinutes_AllSucceed_AtTheDefaultLimit()
    {
        // The production defaults: no test override of the per-address limit.
        await using var app = await WebApp.StartAsync(settings: new Dictionary<string, string>
        {
            ["Fenquan:SignInPermitsPerAddress"] = new Hosting.FenquanOptions().SignInPermitsPerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        string[] roles = ["principal1", "finance", "personnel", "procurement", "construction", "office", "section1", "financestaff", "discipline", "staff1"];
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 200; i++)
        {
            // Every request of the test server comes from the same (absent) address: one partition.
            var user = $"u{(i % 5) + 1}.{roles[i / 5 % roles.Length]}";
            statuses.Add((await WebApp.SignInAsync(app.NewClient(), user, WebApp.Password)).StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Redirect, s));
    }

    [Fact]
    public async Task OverThePerAddressLimit_APageInChinese_SaysWhenToTryAgain()
    {
        await using var app = await WebApp.StartAsync(settings: new Dictionary<string, string> { ["Fenquan:SignInPermitsPerAddress"] = "3" });
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await WebApp.SignInAsync(app.NewClient(), "u1.staff1", WebApp.Password)).StatusCode);
        }

        var refused = await WebApp.SignInAsync(app.NewClient(), "u1.staff1", WebApp.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var seconds = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 1, 600);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("尝试过于频繁", html, StringComparison.Ordinal);
        Assert.Contains($"请于 {seconds} 秒后", html, StringComparison.Ordinal);

        // Showing the form is free.
        Assert.Equal(HttpStatusCode.OK, (await app.NewClient().GetAsync("/account/signin")).StatusCode);
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_EvenAgainstTheRightOne_AndOthersStillSignIn()
    {
        await using var app = await WebApp.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await WebApp.SignInAsync(app.NewClient(), "u2.finance", "wrong-password-" + i)).StatusCode);
        }

        var locked = await WebApp.SignInAsync(app.NewClient(), "u2.finance", WebApp.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        var html = await locked.Content.ReadAsStringAsync();
        Assert.Contains("账户已锁定", html, StringComparison.Ordinal);
        Assert.Matches(@"请于 \d{2}:\d{2} 后再试", html);

        // One account's lock is not its office's: a colleague at the same address signs in.
        Assert.Equal(HttpStatusCode.Redirect, (await WebApp.SignInAsync(app.NewClient(), "u2.personnel", WebApp.Password)).StatusCode);
    }

    [Fact]
    public async Task FourWrongPasswords_ThenTheRightOne_SignsIn()
    {
        await using var app = await WebApp.StartAsync();
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await WebApp.SignInAsync(app.NewClient(), "u3.office", "wrong-password-" + i)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await WebApp.SignInAsync(app.NewClient(), "u3.office", WebApp.Password)).StatusCode);
    }
}
