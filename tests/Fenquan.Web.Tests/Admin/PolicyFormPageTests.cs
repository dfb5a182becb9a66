using System.Net;
using System.Text.RegularExpressions;
using Fenquan.Core.Calendar;
using Fenquan.Core.Policy;
using Fenquan.Core.Policy.Form;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Web.Tests.Admin;

/// <summary>
/// R40, R46 over plain HTTP, as a browser without script posts it: /admin/unit's policy form edits the
/// same policy as its JSON view; the step buttons re-render the form with nothing typed lost, a bad
/// field is shown beside itself, the verifier's counterexample beside its rule, and a proposal from the
/// form carries the step time limits typed into it.
/// </summary>
[Trait("Rule", "R40")]
public sealed class PolicyFormPageTests : IAsyncLifetime
{
    private WebApp _app = null!;
    private HttpClient _office = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await WebApp.StartAsync();
        _office = await _app.SignInAsync("u1.office");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>The page, its antiforgery token and the policy its form shows (read back from the JSON view: the same draft).</summary>
    private async Task<(string Token, PolicyForm Form)> OpenAsync()
    {
        var page = await _office.GetStringAsync("/admin/unit");
        var json = WebUtility.HtmlDecode(Regex.Match(page, "<textarea class=\"code\" name=\"PolicyJson\"[^>]*>([^<]*)</textarea>").Groups[1].Value);
        var form = PolicyForm.Of(PolicyJson.Parse(json).Value);

        // The form's fields carry the same values (spot check of the rendered form).
        Assert.Contains($"name=\"Form.SmallExpense\" value=\"{form.SmallExpense}\"", page, StringComparison.Ordinal);
        Assert.Contains($"name=\"Form.Rules[0].Steps[0].Kind\"", page, StringComparison.Ordinal);
        return (WebApp.Token(page), form);
    }

    private static Dictionary<string, string> Fields(PolicyForm form, string token)
    {
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Form.Version"] = form.Version ?? string.Empty,
            ["Form.EffectiveFrom"] = form.EffectiveFrom ?? string.Empty,
            ["Form.SmallExpense"] = form.SmallExpense ?? string.Empty,
            ["Form.Purchase"] = form.Purchase ?? string.Empty,
            ["Form.Collective"] = form.Collective ?? string.Empty,
        };
        for (var i = 0; i < form.StepLimits.Count; i++)
        {
            var row = form.StepLimits[i];
            (fields[$"Form.StepLimits[{i}].Kind"], fields[$"Form.StepLimits[{i}].Days"], fields[$"Form.StepLimits[{i}].Count"], fields[$"Form.StepLimits[{i}].WarningPercent"]) =
                (row.Kind ?? string.Empty, row.Days ?? string.Empty, row.Count ?? string.Empty, row.WarningPercent ?? string.Empty);
        }

        for (var r = 0; r < form.Rules.Count; r++)
        {
            var rule = form.Rules[r];
            var p = $"Form.Rules[{r}]";
            foreach (var (name, value) in new[] { ("Id", rule.Id), ("Area", rule.Area), ("Kind", rule.Kind), ("Initiators", rule.Initiators), ("Above", rule.Above), ("UpTo", rule.UpTo), ("RequiredFlags", rule.RequiredFlags), ("ExcludedFlags", rule.ExcludedFlags), ("Cites", rule.Cites) })
            {
                fields[$"{p}.{name}"] = value ?? string.Empty;
            }

            for (var s = 0; s < rule.Steps.Count; s++)
            {
                var step = rule.Steps[s];
                foreach (var (name, value) in new[] { ("Kind", step.Kind), ("Actor", step.Actor), ("Role", step.Role), ("SameAsStep", step.SameAsStep) })
                {
                    fields[$"{p}.Steps[{s}].{name}"] = value ?? string.Empty;
                }
            }
        }

        return fields;
    }

    private async Task<HttpResponseMessage> PostAsync(string handler, Dictionary<string, string> fields) =>
        await _office.PostAsync("/admin/unit?handler=" + handler, new FormUrlEncodedContent(fields));

    /// <summary>The HTML of one rule's fieldset in the form.</summary>
    private static string RuleHtml(string page, string id) =>
        Regex.Match(page, $"<fieldset class=\"policy-rule\" data-testid=\"policy-rule\" data-rule=\"{id}\">([\\s\\S]*?)</fieldset>").Groups[1].Value;

    [Fact]
    public async Task AddingAStep_WithoutScript_ReRendersTheForm_KeepingWhatWasTyped()
    {
        var (token, form) = await OpenAsync();
        var r = form.Rules.FindIndex(x => x.Id == "finance-expense-small");
        form.SmallExpense = "两千五";
        var fields = Fields(form, token);
        fields["edit"] = $"add:{r}";
        var page = await (await PostAsync("Form", fields)).Content.ReadAsStringAsync();
        Assert.Equal(form.Rules[r].Steps.Count + 1, Regex.Count(RuleHtml(page, "finance-expense-small"), "data-testid=\"policy-step\""));
        Assert.Contains("name=\"Form.SmallExpense\" value=\"两千五\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"policy-valid\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadField_IsShownBesideIt_AsTyped_AndNothingIsProposed()
    {
        int proposals;
        await using (var before = _app.Db())
        {
            proposals = await before.Set<PolicyProposal>().CountAsync();
        }

        var (token, form) = await OpenAsync();
        form.Collective = "五千";
        form.StepLimits[0].Days = "三";
        var fields = Fields(form, token);
        fields["Summary"] = "试图提出";
        var page = await (await PostAsync("FormPropose", fields)).Content.ReadAsStringAsync();
        Assert.Matches("name=\"Form.Collective\" value=\"五千\"[^>]*/>\\s*<span class=\"field-error\" role=\"alert\" data-testid=\"field-error\" data-field=\"Collective\">“五千”不是以元为单位的金额。</span>", page);
        Assert.Contains("data-field=\"StepLimits[0].Days\"", page, StringComparison.Ordinal);
        await using var db = _app.Db();
        Assert.Equal(proposals, await db.Set<PolicyProposal>().CountAsync());
    }

    [Fact]
    public async Task TheVerifiersCounterexample_IsShownBesideTheRuleItConcerns()
    {
        var (token, form) = await OpenAsync();
        var r = form.Rules.FindIndex(x => x.Id == "finance-expense-small");
        form.Rules[r].Steps[1].Actor = "Principal";
        var page = await (await PostAsync("FormCheck", Fields(form, token))).Content.ReadAsStringAsync();
        var beside = Regex.Match(RuleHtml(page, "finance-expense-small"), "data-testid=\"rule-failures\">([\\s\\S]*?)</ul>").Groups[1].Value;
        Assert.Contains("R40", beside, StringComparison.Ordinal);
        Assert.Contains("反例", beside, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"rule-failures\"", RuleHtml(page, "finance-expense-countersigned"), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"form-propose\"", page, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R46")]
    public async Task AZeroDayStepLimit_IsRefusedBesideItsRow()
    {
        var (token, form) = await OpenAsync();
        form.StepLimits.Single(x => x.Kind == "Consent").Days = "0";
        var page = await (await PostAsync("FormCheck", Fields(form, token))).Content.ReadAsStringAsync();
        var row = Regex.Match(page, "<tr data-testid=\"step-limit-Consent\">([\\s\\S]*?)</tr>").Groups[1].Value;
        Assert.Contains("data-testid=\"step-limit-failures\"", row, StringComparison.Ordinal);
        Assert.Contains("$.stepLimits.consent", row, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R46")]
    public async Task ProposingFromTheForm_CarriesItsStepLimitsAndRoute_IntoTheProposal()
    {
        var (token, form) = await OpenAsync();
        var review = form.StepLimits.Single(x => x.Kind == "Review");
        (review.Days, review.Count, review.WarningPercent) = ("5", "CalendarDays", "60");
        form.Purchase = "2500";
        var checkedPage = await (await PostAsync("FormCheck", Fields(form, token))).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"form-propose\"", checkedPage, StringComparison.Ordinal);

        var fields = Fields(form, WebApp.Token(checkedPage));
        fields["Summary"] = "审核步骤改为 5 个自然日";
        var proposed = await PostAsync("FormPropose", fields);
        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        await using var db = _app.Db();
        var proposal = (await db.Set<PolicyProposal>().ToListAsync()).Single(p => p.Summary == "审核步骤改为 5 个自然日");
        var document = PolicyJson.Parse(proposal.DocumentJson).Value;
        Assert.Equal(new StepLimit(TimeLimit.Calendar(5), 60), document.StepLimits.For(StepKind.Review));
        Assert.Equal(StepLimit.Standard, document.StepLimits.For(StepKind.Approve));
        Assert.Equal(2500m, document.Limits.Purchase);
        Assert.Equal(PolicyJson.Write(form.Read().Document!), proposal.DocumentJson);
    }
}
