using System.Net;
using System.Net.Http.Json;
using Fenquan.Core.Matters;
using Fenquan.Core.Primitives;

namespace Fenquan.Web.Tests.Matters;

/// <summary>
/// Every role × every action × each area, at every step of each route: only the people the core
/// says may act now succeed, and only with the step's action (or reject / return on a deciding
/// step); every other attempt is refused and changes nothing. Zero unauthorized successes.
/// </summary>
public sealed class AuthorizationMatrixTests : IAsyncLifetime
{
    // Everyone of unit u1 (城关镇), a principal of another unit, and the county administrator.
    private static readonly string[] Users =
    [
        "u1.principal1", "u1.principal2", "u1.finance", "u1.personnel", "u1.procurement", "u1.construction",
        "u1.office", "u1.section1", "u1.section2", "u1.financestaff", "u1.discipline", "u1.staff1", "u1.staff2",
        "u2.principal1", "admin",
    ];

    private WebApp _app = null!;
    private readonly Dictionary<string, HttpClient> _clients = [];
    private readonly Dictionary<string, Guid?> _people = [];

    public async ValueTask InitializeAsync()
    {
        _app = await WebApp.StartAsync();
        foreach (var user in Users)
        {
            _clients[user] = await _app.SignInAsync(user);
            var me = await (await _clients[user].GetAsync("/api/v1/me")).ReadAsync();
            _people[user] = me.GetProperty("personId").ValueKind == System.Text.Json.JsonValueKind.Null ? null : me.GetProperty("personId").GetGuid();
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    public static TheoryData<string, string, string, decimal, string?> Matters => new()
    {
        // submitter, kind, title, amount, the catalogue entry or register item named (R40: the county's data decides the flags)
        { "u1.staff1", "Expense", "差旅费报销", 3_000m, null },
        { "u1.staff1", "Expense", "会议室设备维修费", 8_000m, null },
        { "u1.procurement", "Expense", "分管领导差旅费", 1_200m, null },
        { "u1.principal1", "Expense", "正职差旅费", 900m, null },
        { "u1.section1", "PurchasePlan", "采购劳保用品", 1_500m, "none" },
        { "u1.section1", "PurchasePlan", "采购防汛物资", 9_000m, "none" },
        { "u1.section1", "PurchasePlan", "采购台式计算机", 40_000m, "A02010104" },
        { "u1.section1", "TransferIn", "调入专业技术人员", 0m, null },
        { "u1.section1", "Promotion", "提拔任用股室负责人", 0m, null },
        { "u1.section1", "ConstructionProject", "村道硬化工程", 120_000m, null },
        { "u1.staff1", "ApprovalItem", "农村村民宅基地审批申请", 0m, "QH-XK-001" },
        { "u1.staff1", "ApprovalItem", "建设项目用地预审与选址意见书核发申请", 0m, "QH-XK-006" },
    };

    [Theory]
    [MemberData(nameof(Matters))]
    public async Task OnlyThoseTheRulesAllow_CanActOnAnyStep(string submitter, string kind, string title, decimal amount, string? itemCode)
    {
        var payMe = kind == "Expense";
        var response = await _clients[submitter].PostAsJsonAsync("/api/v1/matters", new { kind, title, amount, payMe, payeeName = payMe ? null : "清河县文具办公用品商店", itemCode });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await response.ReadAsync()).GetProperty("id").GetGuid();

        var unauthorizedSuccesses = new List<string>();
        for (var guard = 0; guard < 12; guard++)
        {
            var (matter, org) = await _app.LoadAsync(id);
            if (matter.CurrentStep is not { } step)
            {
                break;
            }

            var mayAct = matter.WhoMayActNow(org.View).Select(p => p.Value).ToHashSet();
            var completing = StepActions.CompletingAction(step.Kind);
            foreach (var user in Users)
            {
                foreach (var action in Enum.GetValues<ActionKind>())
                {
                    var allowed = _people[user] is { } person && mayAct.Contains(person)
                        && (action == completing || (action is ActionKind.Reject or ActionKind.Return && StepActions.IsDeciding(step.Kind)));
                    if (allowed)
                    {
                        continue;
                    }

                    var before = await _app.CountsAsync();
                    var attempt = await _clients[user].PostAsJsonAsync($"/api/v1/matters/{id}/actions", new { action = action.ToString(), comment = "试图越权", reference = "2026年第9次班子会议纪要" });
                    if (attempt.IsSuccessStatusCode)
                    {
                        unauthorizedSuccesses.Add($"{user} {action} on step {matter.CurrentStepIndex + 1} ({step})");
                        continue;
                    }

                    Assert.Contains(attempt.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.Conflict, HttpStatusCode.NotFound });
                    Assert.Equal("application/problem+json", attempt.Content.Headers.ContentType?.MediaType);
                    var problem = await attempt.ReadAsync();
                    Assert.False(string.IsNullOrEmpty(problem.GetProperty("rule").GetString()));
                    Assert.Equal(before, await _app.CountsAsync());
                    if (user is "u2.principal1" or "admin")
                    {
                        // Another unit's matter, or no unit at all: it does not exist for them.
                        Assert.Equal(HttpStatusCode.NotFound, attempt.StatusCode);
                    }
                }
            }

            Assert.Empty(unauthorizedSuccesses);

            // R4 and the like: a principal never takes a deputy's step in a restricted area.
            if (step.Actor.Kind == Core.Policy.ActorKind.DeputyInCharge)
            {
                Assert.DoesNotContain(_people["u1.principal1"]!.Value, mayAct);
            }

            // The initiator never acts on their own matter beyond proposing it (R6).
            if (step.Kind != Core.Policy.StepKind.Propose)
            {
                Assert.DoesNotContain(matter.InitiatorId.Value, mayAct);
            }

            // R43: nobody takes a team step alone; a meeting whose minutes every member present signed does.
            if (step.Actor.Kind == Core.Policy.ActorKind.Team)
            {
                Assert.Empty(mayAct);
                await Security.TeamMeeting.HoldAsync(_clients, _people, id);
                continue;
            }

            // One allowed person takes the step; the matter moves on.
            var actor = Users.First(u => _people[u] is { } p && mayAct.Contains(p));
            var done = await _clients[actor].PostAsJsonAsync($"/api/v1/matters/{id}/actions", new { action = completing.ToString(), comment = "同意", reference = "2026年第9次班子会议纪要" });
            Assert.True(done.StatusCode == HttpStatusCode.OK, $"{actor} {completing}: {await done.Content.ReadAsStringAsync()}");
        }

        var (final, _) = await _app.LoadAsync(id);
        Assert.Equal(MatterState.Approved, final.State);
    }

    /// <summary>
    /// The other doors onto a matter, for every user: only the initiator edits (R42); only the
    /// initiator and whoever may act now attach (R8); nobody acts "on behalf of" anyone without a
    /// delegation in force (R7). Every refusal changes nothing.
    /// </summary>
    [Fact]
    public async Task EditAttachAndOnBehalfOf_OnlyThoseTheRulesAllow()
    {
        var created = await _clients["u1.staff1"].PostAsJsonAsync("/api/v1/matters", new { kind = "Expense", title = "矩阵：差旅费", amount = 3_000m, payMe = true });
        var id = (await created.ReadAsync()).GetProperty("id").GetGuid();
        var (matter, org) = await _app.LoadAsync(id);
        var mayAct = matter.WhoMayActNow(org.View).Select(p => p.Value).ToHashSet();
        var completing = StepActions.CompletingAction(matter.CurrentStep!.Kind).ToString();
        var unauthorizedSuccesses = new List<string>();
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3 };
        foreach (var user in Users)
        {
            var person = _people[user];
            var isInitiator = person == matter.InitiatorId.Value;
            var mayAttach = isInitiator || (person is { } p && mayAct.Contains(p));

            var before = await _app.CountsAsync();
            var edit = await _clients[user].PatchAsJsonAsync($"/api/v1/matters/{id}", new { title = "矩阵：差旅费（" + user + "）" });
            if (edit.IsSuccessStatusCode != isInitiator)
            {
                unauthorizedSuccesses.Add($"{user} edit: {edit.StatusCode}");
            }

            if (!edit.IsSuccessStatusCode)
            {
                Assert.Equal(before, await _app.CountsAsync());
            }

            before = await _app.CountsAsync();
            var file = new ByteArrayContent([.. png, .. System.Text.Encoding.UTF8.GetBytes(user)]);
            var attach = await _clients[user].PostAsync($"/api/v1/matters/{id}/attachments", new MultipartFormDataContent { { file, "file", "v.png" } });
            if (attach.IsSuccessStatusCode != mayAttach)
            {
                unauthorizedSuccesses.Add($"{user} attach: {attach.StatusCode}");
            }

            if (!attach.IsSuccessStatusCode)
            {
                Assert.Equal("application/problem+json", attach.Content.Headers.ContentType?.MediaType);
                Assert.Equal(before, await _app.CountsAsync());
            }

            foreach (var delegator in mayAct.Where(d => d != person))
            {
                before = await _app.CountsAsync();
                var act = await _clients[user].PostAsJsonAsync($"/api/v1/matters/{id}/actions", new { action = completing, onBehalfOf = delegator });
                if (act.IsSuccessStatusCode)
                {
                    unauthorizedSuccesses.Add($"{user} {completing} on behalf of {delegator}");
                    continue;
                }

                Assert.Equal(before, await _app.CountsAsync());
            }
        }

        Assert.Empty(unauthorizedSuccesses);
    }
}
