using Fenquan.Core.Finance;
using Fenquan.Core.Meetings;
using Fenquan.Web.Finance;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Finance;

/// <summary>
/// The unit's quarterly statements (R9): the versions the viewer may see; for the finance deputy,
/// tabling a quarter's statement on a scheduled meeting of the team and publishing a tabled one once
/// that meeting is held.
/// </summary>
public sealed class StatementsModel(StatementService statements, IStringLocalizer<SharedResource> text, IStringLocalizer<FinanceResource> financeText) : FenquanPage(text)
{
    public IReadOnlyList<Statement> Versions { get; private set; } = [];

    public IReadOnlyList<Meeting> Meetings { get; private set; } = [];

    public bool MayPublish => StatementService.MayPublish(Viewer);

    /// <summary>The last quarter that is over: the one a statement is drawn up for.</summary>
    public Core.Finance.Quarter LastQuarter => Core.Finance.Quarter.Of(Viewer.Today).Previous();

    [BindProperty]
    public string? Quarter { get; set; }

    [BindProperty]
    public Guid? MeetingId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public IActionResult OnGet() => Load() ? Page() : NotFound();

    public async Task<IActionResult> OnPostTableAsync()
    {
        if (!Core.Finance.Quarter.TryParse(Quarter, out var quarter) || MeetingId is not { } meeting)
        {
            return Done(Core.Primitives.Refusal.Invalid(financeText["Statement.ChooseQuarterAndMeeting"]), string.Empty);
        }

        var tabled = await statements.TableAsync(Viewer, quarter, meeting, Reason);
        return Done(tabled.Result.IsOk ? null : tabled.Result.Refusal, financeText["Statement.Tabled"]);
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid statement)
    {
        var published = await statements.PublishAsync(Viewer, statement);
        return Done(published.Result.IsOk ? null : published.Result.Refusal, financeText["Statement.Published"]);
    }

    private IActionResult Done(Core.Primitives.Refusal? refusal, string notice)
    {
        if (refusal is not null)
        {
            Show(refusal);
            return Load() ? Page() : NotFound();
        }

        Notice = notice;
        return Redirect("/finance/statements");
    }

    private bool Load()
    {
        var list = statements.List(Viewer);
        Versions = list.IsOk ? list.Value : [];
        Meetings = statements.ScheduledMeetings(Viewer);
        return list.IsOk;
    }
}
