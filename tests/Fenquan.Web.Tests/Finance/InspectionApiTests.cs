using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fenquan.Web.Finance;
using Microsoft.Extensions.DependencyInjection;

namespace Fenquan.Web.Tests.Finance;

/// <summary>
/// The principals' voucher inspection through the JSON API (R8), on a clock moved from inside the
/// third quarter of 2026 to after its end: a deputy may not draw; a principal draws once from the
/// first cosigned checkpoint after the quarter; another unit sees nothing; only the item's
/// inspector records a finding; the finance deputy gives evidence and only the inspector accepts
/// it; the county's discipline inspection alone sees what was missed.
/// </summary>
public sealed class InspectionApiTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <summary>Three claims of u1 approved and paid on 14 September 2026, then the clock moved to 12 October.</summary>
    public static async Task<(WebApp App, ShiftableTime Time, List<Guid> Claims)> PaidQuarterAsync(Action<IServiceCollection>? services = null)
    {
        var time = new ShiftableTime();
        void SetClock(DateOnly day) => time.Offset = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), China) - DateTimeOffset.UtcNow;
        SetClock(new DateOnly(2026, 9, 14));
        var app = await WebApp.StartAsync(time: time, services: s =>
        {
            // Every claim above 1 yuan is inspected: the sample is the whole quarter, whatever the seed.
            s.Configure<InspectionOptions>(o => o.AlwaysAbove = 1m);
            services?.Invoke(s);
        });
        var staff = await app.SignInAsync("u1.staff1");
        var (office, deputy, finance) = (await app.SignInAsync("u1.office"), await app.SignInAsync("u1.finance"), await app.SignInAsync("u1.financestaff"));
        var claims = new List<Guid>();
        foreach (var title in new[] { "九月办公用品", "九月差旅费", "九月印刷费" })
        {
            var submitted = await staff.PostAsJsonAsync("/api/v1/matters", new { kind = "Expense", title, amount = 600m, payMe = true });
            Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
            var id = (await submitted.ReadAsync()).GetProperty("id").GetGuid();
            Assert.Equal(HttpStatusCode.OK, (await office.PostAsJsonAsync($"/api/v1/matters/{id}/actions", new { action = "Review" })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await deputy.PostAsJsonAsync($"/api/v1/matters/{id}/actions", new { action = "Approve" })).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await finance.PostAsJsonAsync($"/api/v1/matters/{id}/payments", new { amount = 600m, method = "OfficialCard", reference = "GWK-" + title })).StatusCode);
            claims.Add(id);
        }

        SetClock(new DateOnly(2026, 10, 12));
        return (app, time, claims);
    }

    /// <summary>Draws 2026Q3 as the client, waiting (up to 60 s) for a witness to cosign a checkpoint signed after the quarter's end.</summary>
    public static async Task<HttpResponseMessage> DrawAsync(HttpClient principal)
    {
        for (var attempt = 0; ; attempt++)
        {
            var drawn = await principal.PostAsJsonAsync("/api/v1/finance/inspections", new { period = "2026Q3" });
            if (drawn.StatusCode != HttpStatusCode.Conflict || attempt == 120)
            {
                return drawn;
            }

            var key = (await drawn.ReadAsync()).GetProperty("key").GetString();
            if (key != "R8.NoSeedCheckpoint")
            {
                return drawn;
            }

            // A write after the quarter's end makes a new head; the witness cosigns it within seconds.
            await principal.GetAsync("/api/v1/me");
            await Task.Delay(500);
        }
    }

    private static async Task<Guid> PersonAsync(HttpClient client) => (await (await client.GetAsync("/api/v1/me")).ReadAsync()).GetProperty("personId").GetGuid();

    [Fact]
    [Trait("Rule", "R8")]
    public async Task AQuartersInspection_DrawnOnce_FoundByItsInspector_RectifiedByTheDeputy_AcceptedByTheInspector()
    {
        var (app, time, claims) = await PaidQuarterAsync();
        await using var _ = app;
        var (principal1, principal2, deputy) = (await app.SignInAsync("u1.principal1"), await app.SignInAsync("u1.principal2"), await app.SignInAsync("u1.finance"));

        var byDeputy = await deputy.PostAsJsonAsync("/api/v1/finance/inspections", new { period = "2026Q3" });
        Assert.Equal(HttpStatusCode.Forbidden, byDeputy.StatusCode);
        Assert.Equal("R8.DrawByPrincipal", (await byDeputy.ReadAsync()).GetProperty("key").GetString());
        Assert.Equal("R8.PeriodNotOver", (await (await principal1.PostAsJsonAsync("/api/v1/finance/inspections", new { period = "2026Q4" })).ReadAsync()).GetProperty("key").GetString());

        var drawn = await DrawAsync(principal1);
        Assert.Equal(HttpStatusCode.Created, drawn.StatusCode);
        var id = (await drawn.ReadAsync()).GetProperty("id").GetGuid();
        var again = await principal2.PostAsJsonAsync("/api/v1/finance/inspections", new { period = "2026Q3" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("R8.InspectionDrawnOnce", (await again.ReadAsync()).GetProperty("key").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync("u2.principal1")).GetAsync($"/api/v1/finance/inspections/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync("u1.staff1")).GetAsync($"/api/v1/finance/inspections/{id}")).StatusCode);

        var inspection = await (await principal1.GetAsync($"/api/v1/finance/inspections/{id}")).ReadAsync();
        Assert.NotEqual(string.Empty, inspection.GetProperty("seed").GetProperty("witnesses").GetString()); // a witness cosigned the seed
        var items = inspection.GetProperty("items").EnumerateArray().ToList();
        Assert.Subset(items.Select(i => i.GetProperty("matterId").GetGuid()).ToHashSet(), claims.ToHashSet());
        var me1 = await PersonAsync(principal1);
        var me2 = await PersonAsync(principal2);
        Assert.All(items, i => Assert.Contains(i.GetProperty("inspectorId").GetGuid(), new[] { me1, me2 }));
        var mine = items.First(i => i.GetProperty("inspectorId").GetGuid() == me1 && claims.Contains(i.GetProperty("matterId").GetGuid()));
        var finding = $"/api/v1/finance/inspections/items/{mine.GetProperty("id").GetGuid()}/finding";

        var deputyFinds = await deputy.PostAsJsonAsync(finding, new { verdict = "InOrder" });
        Assert.Equal(HttpStatusCode.Forbidden, deputyFinds.StatusCode);
        Assert.Equal("R8.FindingByInspector", (await deputyFinds.ReadAsync()).GetProperty("key").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await principal2.PostAsJsonAsync(finding, new { verdict = "InOrder" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await principal1.PostAsJsonAsync(finding, new { verdict = "Problem", note = "无经办人签字" })).StatusCode);
        Assert.Equal("R8.FindingOnce", (await (await principal1.PostAsJsonAsync(finding, new { verdict = "InOrder" })).ReadAsync()).GetProperty("key").GetString());

        var task = (await (await deputy.GetAsync("/api/v1/finance/rectifications")).ReadAsync()).EnumerateArray().Single();
        Assert.Equal(("无经办人签字", "Open"), (task.GetProperty("problem").GetString(), task.GetProperty("state").GetString()));
        var taskId = task.GetProperty("id").GetGuid();

        // R46: its deadline is 15 working days on the official calendar, green when opened, red once passed.
        var opened = task.GetProperty("clock");
        Assert.Equal((15, "WorkingDays", 0, 15, "Green"), (opened.GetProperty("limitDays").GetInt32(), opened.GetProperty("limitCounts").GetString(), opened.GetProperty("used").GetInt32(), opened.GetProperty("left").GetInt32(), opened.GetProperty("colour").GetString()));
        Assert.Equal(new DateOnly(2026, 11, 2), DateOnly.Parse(task.GetProperty("deadline").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        time.Offset += TimeSpan.FromDays(22);   // Tuesday 3 November: 16 working days on (signed in again: the sessions ran out)
        (principal1, deputy) = (await app.SignInAsync("u1.principal1"), await app.SignInAsync("u1.finance"));
        var late = (await (await deputy.GetAsync("/api/v1/finance/rectifications")).ReadAsync()).EnumerateArray().Single().GetProperty("clock");
        Assert.Equal((16, 0, "Red"), (late.GetProperty("used").GetInt32(), late.GetProperty("left").GetInt32(), late.GetProperty("colour").GetString()));
        Assert.Contains("红牌", await deputy.GetStringAsync("/finance/inspection"));
        Assert.Equal(HttpStatusCode.Forbidden, (await principal1.PostAsJsonAsync($"/api/v1/finance/rectifications/{taskId}/evidence", new { text = "已补签" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await deputy.PostAsJsonAsync($"/api/v1/finance/rectifications/{taskId}/evidence", new { text = "已补经办人签字", attachment = "附件 3f2a" })).StatusCode);
        var selfAccept = await deputy.PostAsJsonAsync($"/api/v1/finance/rectifications/{taskId}/decision", new { accept = true });
        Assert.Equal(HttpStatusCode.Forbidden, selfAccept.StatusCode);
        Assert.Equal("R8.AcceptByInspector", (await selfAccept.ReadAsync()).GetProperty("key").GetString());
        Assert.Equal(HttpStatusCode.OK, (await principal1.PostAsJsonAsync($"/api/v1/finance/rectifications/{taskId}/decision", new { accept = true })).StatusCode);
        var closed = (await (await deputy.GetAsync("/api/v1/finance/rectifications")).ReadAsync()).EnumerateArray().Single();
        Assert.Equal("Closed", closed.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, closed.GetProperty("clock").ValueKind);

        // Past the deadline, the items without a finding are listed for the county's discipline inspection, and for nobody else.
        time.Offset += TimeSpan.FromDays(60);
        var county = await app.SignInAsync("county.discipline");
        var missed = (await (await county.GetAsync("/api/v1/county/inspections/missed")).ReadAsync()).EnumerateArray().ToList();
        // This inspection's items (the demo's history may have missed items of its own in the county).
        var sampled = items.Select(i => i.GetProperty("matterId").GetGuid()).ToHashSet();
        Assert.Equal(items.Count - 1, missed.Count(m => m.GetProperty("matterId").ValueKind == JsonValueKind.String && sampled.Contains(m.GetProperty("matterId").GetGuid())));
        // Each is an item of an inspection, or a later quarter whose sample was not drawn by its deadline.
        Assert.All(missed, m => Assert.Contains(m.GetProperty("kind").GetString(), new[] { "Inspection", "NotDrawn" }));
        Assert.DoesNotContain(missed, m => m.GetProperty("matterId").ValueKind == JsonValueKind.String && m.GetProperty("matterId").GetGuid() == mine.GetProperty("matterId").GetGuid());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync("u1.principal1")).GetAsync("/api/v1/county/inspections/missed")).StatusCode);
    }
}
