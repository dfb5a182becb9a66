using System.Net;
using System.Net.Http.Json;
using Fenquan.Core.Matters;
using Fenquan.Core.Policy;
using Fenquan.Web.Tests.Matters;

namespace Fenquan.Web.Tests.Security;

/// <summary>
/// No one decides alone (R43; R5, R6, R11, R18, R21, R23), tried as an insider would, on SQLite and
/// PostgreSQL through the HTTP API. For every route of the default policy that reaches a team step,
/// every single person of the unit — each principal, each deputy, the office, a section head, staff,
/// the discipline member — acting alone through every endpoint they can reach (every action with a
/// meeting "reference", on behalf of anyone, and a meeting of their own if they may record one) never
/// completes, rejects or returns the team step, and a refused request changes nothing. Then a real
/// meeting, signed by every member present, decides it.
/// </summary>
[Collection(nameof(InsiderTests))]
[Trait("Rule", "R43")]
public sealed class InsiderTests(InsiderTests.Servers servers) : IClassFixture<InsiderTests.Servers>
{
    /// <summary>
    /// One server per database, shared by the routes' cases (each works on a matter of its own, and
    /// a meeting that holds one matter holds no other): started once, not once a case.
    /// </summary>
    public sealed class Servers : IAsyncDisposable
    {
        private readonly Dictionary<string, Task<(WebApp App, Dictionary<string, HttpClient> Clients, Dictionary<string, Guid?> People)>> _started = [];
        private readonly SemaphoreSlim _gate = new(1, 1);

        public async Task<(WebApp App, Dictionary<string, HttpClient> Clients, Dictionary<string, Guid?> People)> ForAsync(string provider)
        {
            await _gate.WaitAsync();
            try
            {
                if (!_started.TryGetValue(provider, out var started))
                {
                    started = StartAsync(provider);
                    _started[provider] = started;
                }

                return await started;
            }
            finally
            {
                _gate.Release();
            }
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var started in _started.Values)
            {
                if (started.IsCompletedSuccessfully)
                {
                    await started.Result.App.DisposeAsync();
                }
            }

            _gate.Dispose();
        }

        private static async Task<(WebApp, Dictionary<string, HttpClient>, Dictionary<string, Guid?>)> StartAsync(string provider)
        {
            var app = await WebApp.StartAsync(provider);
            var clients = new Dictionary<string, HttpClient>();
            var people = new Dictionary<string, Guid?>();
            foreach (var user in Insiders.Concat(["u1.staff2", "u1.principal2", "u1.section1", "u1.staff1", "u1.procurement"]).Distinct())
            {
                clients[user] = await app.SignInAsync(user);
                people[user] = (await (await clients[user].GetAsync("/api/v1/me")).ReadAsync()).GetProperty("personId").GetGuid();
            }

            return (app, clients, people);
        }
    }

    private static readonly string[] Insiders =
    [
        "u1.principal1", "u1.principal2", "u1.finance", "u1.personnel", "u1.procurement", "u1.construction",
        "u1.office", "u1.section1", "u1.staff1", "u1.discipline",
    ];

    // submitter, kind, title, amount, the catalogue entry or register item named (R40: the county's
    // data decides the route), the rule the team step serves: each reaches a team step on the default policy.
    private static readonly (string Submitter, string Kind, string Title, decimal Amount, string? ItemCode, string Rule)[] Routes =
    [
        ("u1.staff1", "Expense", "会议室设备维修费", 8_000m, null, "R5"),
        ("u1.procurement", "Expense", "分管领导外出考察费", 8_000m, null, "R6"),
        ("u1.principal2", "Expense", "正职差旅费", 900m, null, "R6"),
        ("u1.principal2", "Expense", "正职外出培训费", 6_000m, null, "R6"),
        ("u1.section1", "PurchasePlan", "采购台式计算机", 40_000m, "A02010104", "R18"),
        ("u1.section1", "TransferIn", "调入专业技术人员", 0m, null, "R11"),
        ("u1.section1", "Promotion", "提拔任用股室负责人", 0m, null, "R11"),
        ("u1.section1", "Secondment", "借调工作人员", 0m, null, "R11"),
        ("u1.section1", "KeyPostChange", "财务岗位人员调整", 0m, null, "R11"),
        ("u1.section1", "ConstructionProject", "村道硬化工程", 120_000m, null, "R21"),
        ("u1.section1", "ContractorChoice", "确定村道硬化工程施工单位", 120_000m, null, "R21"),
        ("u1.section1", "VariationOrder", "村道工程变更", 9_000m, null, "R5"),
        ("u1.staff1", "ApprovalItem", "建设项目用地预审与选址意见书核发申请", 0m, "QH-XK-006", "R23"),
    ];

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var provider in new[] { "sqlite", "postgres" })
        {
            for (var route = 0; route < Routes.Length; route++)
            {
                data.Add(provider, route);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task NoSinglePerson_CompletesRejectsOrReturnsATeamStep_ThroughAnyEndpoint(string provider, int route)
    {
        var (submitter, kind, title, amount, itemCode, rule) = Routes[route];
        var (app, clients, people) = await servers.ForAsync(provider);

        var payMe = kind == "Expense";
        var submitted = await clients[submitter].PostAsJsonAsync("/api/v1/matters", new { kind, title, amount, payMe, payeeName = payMe ? null : "清河建筑工程有限公司", itemCode });
        Assert.True(submitted.StatusCode == HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
        var id = (await submitted.ReadAsync()).GetProperty("id").GetGuid();

        // Take the steps before the team's, each by one who may (the route itself is not under test).
        Matter matter;
        while (true)
        {
            var (loaded, org) = await app.LoadAsync(id);
            matter = loaded;
            Assert.Equal(MatterState.Pending, matter.State);
            if (matter.CurrentStep!.Actor.Kind == ActorKind.Team)
            {
                break;
            }

            var actor = Insiders.First(u => people[u] is { } p && matter.WhoMayActNow(org.View).Contains(new(p)));
            var done = await clients[actor].PostAsJsonAsync($"/api/v1/matters/{id}/actions", new { action = StepActions.CompletingAction(matter.CurrentStep.Kind).ToString(), comment = "同意", reference = "区公共资源交易中心 QH-2026-0001" });
            Assert.True(done.IsSuccessStatusCode, await done.Content.ReadAsStringAsync());
        }

        var teamStep = matter.CurrentStepIndex;
        Assert.Empty(matter.WhoMayActNow((await app.LoadAsync(id)).Org.View));

        // Every insider alone, every action, with a meeting "reference"; the actions that would
        // complete, reject or return a team step also on behalf of every other person.
        ActionKind[] teamActions = [ActionKind.RecordCollectiveDecision, ActionKind.InformTeam, ActionKind.Reject, ActionKind.Return];
        var successes = new List<string>();
        var before = await app.CountsAsync();
        foreach (var user in Insiders)
        {
            foreach (var action in Enum.GetValues<ActionKind>())
            {
                var behalf = teamActions.Contains(action) ? people.Values.Where(p => p != people[user]) : [];
                foreach (var onBehalfOf in behalf.Prepend(null))
                {
                    var attempt = await clients[user].PostAsJsonAsync($"/api/v1/matters/{id}/actions", new { action = action.ToString(), comment = "本人决定", reference = "2026年第9次班子会议纪要", onBehalfOf });
                    if (attempt.IsSuccessStatusCode)
                    {
                        successes.Add($"{user} {action}{(onBehalfOf is null ? string.Empty : " for " + onBehalfOf)}");
                        continue;
                    }

                    Assert.Equal("application/problem+json", attempt.Content.Headers.ContentType?.MediaType);
                    Assert.False(string.IsNullOrEmpty((await attempt.ReadAsync()).GetProperty("rule").GetString()));
                }
            }
        }

        // Every refusal changed nothing: not a row, not a ledger entry.
        Assert.Equal(before, await app.CountsAsync());
        Assert.Empty(successes);

        // A principal alone holds a "meeting": records everyone present and agreeing (or the team
        // informed), the outcome, the minutes, and signs them. Without the others' own signatures
        // nothing binds.
        await TeamMeeting.HoldAsync(clients, people, id, "u1.principal1", signers: ["u1.principal1"]);
        var (after, _) = await app.LoadAsync(id);
        Assert.Equal((MatterState.Pending, teamStep), (after.State, after.CurrentStepIndex));
        Assert.DoesNotContain(after.Actions, a => a.StepIndex == teamStep && a.Round == after.Round);

        // That meeting holds the matter until its minutes are signed: it cannot be tabled again elsewhere.
        var busy = await clients["u1.office"].PostAsJsonAsync("/api/v1/meetings", new { kind = "TeamMeeting", title = "又一次会议", scheduledAt = DateTimeOffset.UtcNow, chairId = people["u1.principal1"] });
        var again = await clients["u1.office"].PostAsJsonAsync($"/api/v1/meetings/{(await busy.ReadAsync()).GetProperty("id").GetGuid()}/items", new { matterId = id, concernedPersonIds = new[] { people["u1.staff2"] } });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        // The route really reached the team step the rule asks for.
        Assert.Contains(rule, matter.Route.Rules);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    [Trait("Rule", "R5")]
    public async Task ACollectiveExpense_BindsOnlyWithTheLastMembersSignature(string provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        var clients = new Dictionary<string, HttpClient>();
        var people = new Dictionary<string, Guid?>();
        foreach (var user in TeamMeeting.Team.Concat(["u1.office", "u1.staff1", "u1.staff2"]))
        {
            clients[user] = await app.SignInAsync(user);
            people[user] = (await (await clients[user].GetAsync("/api/v1/me")).ReadAsync()).GetProperty("personId").GetGuid();
        }

        var id = (await (await clients["u1.staff1"].PostAsJsonAsync("/api/v1/matters", new { kind = "Expense", title = "村道护栏维修费", amount = 12_000m, payMe = true })).ReadAsync()).GetProperty("id").GetGuid();
        Assert.True((await clients["u1.office"].PostAsJsonAsync($"/api/v1/matters/{id}/actions", new { action = "Review" })).IsSuccessStatusCode);
        Assert.True((await clients["u1.finance"].PostAsJsonAsync($"/api/v1/matters/{id}/actions", new { action = "Review" })).IsSuccessStatusCode);

        var allButOne = TeamMeeting.Team.Where(u => u != "u1.principal2").ToList();
        var meeting = await TeamMeeting.HoldAsync(clients, people, id, signers: allButOne);
        Assert.Equal(MatterState.Pending, (await app.LoadAsync(id)).Matter.State);

        var last = await clients["u1.principal2"].PostAsJsonAsync($"/api/v1/meetings/{meeting}/minutes/signatures", new { objection = "建议下次提前报送预算" });
        Assert.True(last.IsSuccessStatusCode, await last.Content.ReadAsStringAsync());
        var (bound, _) = await app.LoadAsync(id);
        Assert.Equal(MatterState.Approved, bound.State);
        Assert.Equal($"meeting:{meeting}#1", bound.Actions[^1].ExternalReference);
        Assert.Equal(people["u1.office"], bound.Actions[^1].ActorId.Value);
        Assert.Equal(12_000m, bound.DecidedTerms!.Amount);
    }
}
