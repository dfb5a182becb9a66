using Fenquan.Core.Calendar;
using Fenquan.Core.Policy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Fenquan.Web.Tests.Browser;

/// <summary>
/// R40, R46 in Chromium on /admin/unit: 城关镇's office edits the unit's policy as a form — a limit, a
/// route step's actor, a step time limit — sees the verifier's counterexample beside the rule a
/// principal's approval breaks, adds and removes a step with the form's buttons without losing what it
/// typed, and proposes the checked policy; the proposal carries exactly what the form showed.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PolicyFormBrowserTests
{
    private const string Rule = "[data-rule=finance-expense-small]";

    private static string StepField(int step, string field) => $"{Rule} tr[data-testid=policy-step]:nth-of-type({step}) select[name$='.{field}']";

    [Fact]
    [Trait("Rule", "R40")]
    [Trait("Rule", "R46")]
    public async Task OfficeEditsALimitAStepAndAStepLimit_SeesTheCounterexampleBesideItsRule_AndProposes()
    {
        await using var host = await BrowserHost.StartAsync("policy-form");
        var office = await host.SignInAsync("u1.office");
        await office.GotoAsync("/admin/unit");

        // 1. A principal approving staff's small expenses: the counterexample is shown beside that rule, the typed limit kept.
        await office.FillAsync("#Form_SmallExpense", "2500");
        await office.SelectOptionAsync(StepField(2, "Actor"), "Principal");
        await office.ClickAsync("[data-testid=form-check]");
        var beside = office.Locator($"{Rule} [data-testid=rule-failures]");
        await beside.WaitForAsync();
        Assert.Contains("反例", await beside.TextContentAsync());
        Assert.Equal(1, await office.Locator("[data-testid=rule-failures]").CountAsync());
        Assert.Equal("2500", await office.InputValueAsync("#Form_SmallExpense"));
        Assert.Equal(0, await office.Locator("[data-testid=form-propose]").CountAsync());
        await host.ShotAsync(office, "01-counterexample-beside-rule");

        // 2. The deputy approves again; a step added and removed with the form's buttons; the review steps get 5 calendar days, yellow at 60 %.
        await office.SelectOptionAsync(StepField(2, "Actor"), "DeputyInCharge");
        await office.ClickAsync($"{Rule} [data-testid=add-step]");
        await office.WaitForSelectorAsync($"{Rule} tr[data-testid=policy-step]:nth-of-type(3)");
        Assert.Equal("2500", await office.InputValueAsync("#Form_SmallExpense"));
        await office.ClickAsync($"{Rule} tr[data-testid=policy-step]:nth-of-type(3) button[value^=remove]");
        await office.WaitForSelectorAsync($"{Rule} tr[data-testid=policy-step]:nth-of-type(3)", new() { State = WaitForSelectorState.Detached });
        await office.FillAsync("[data-testid=step-limit-Review] input[name$='.Days']", "5");
        await office.SelectOptionAsync("[data-testid=step-limit-Review] select[name$='.Count']", "CalendarDays");
        await office.FillAsync("[data-testid=step-limit-Review] input[name$='.WarningPercent']", "60");
        await office.ClickAsync("[data-testid=form-check]");
        await office.WaitForSelectorAsync("[data-testid=policy-valid]");
        Assert.Equal("5", await office.InputValueAsync("[data-testid=step-limit-Review] input[name$='.Days']"));

        // 3. Proposed: the proposal holds the form's policy.
        await office.FillAsync("#Summary", "小额支出限额调为2500元，审核步骤5个自然日");
        await office.ClickAsync("[data-testid=form-propose]");
        await office.Locator("[data-testid=proposal]", new() { HasText = "小额支出限额调为2500元" }).WaitForAsync();
        await host.ShotAsync(office, "02-proposed");
        await using var db = host.Services.GetRequiredService<Fenquan.Data.Storage.FenquanStore>().Context();
        var proposal = (await db.Set<PolicyProposal>().ToListAsync()).Single(p => p.Summary == "小额支出限额调为2500元，审核步骤5个自然日");
        var document = PolicyJson.Parse(proposal.DocumentJson).Value;
        Assert.Equal(2500m, document.Limits.SmallExpense);
        Assert.Equal(new StepLimit(TimeLimit.Calendar(5), 60), document.StepLimits.For(StepKind.Review));
        Assert.Equal("Review(Office) → Approve(DeputyInCharge)", document.Rules.Single(r => r.Id == "finance-expense-small").Route.ToString());
    }
}
