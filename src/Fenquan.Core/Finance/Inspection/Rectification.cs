using Fenquan.Core.Calendar;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Finance.Inspection;

/// <summary>
/// A rectification task opened by a problem found in a voucher inspection (R8): the finance deputy
/// corrects it by a deadline and gives evidence; it closes only when the inspector who found the
/// problem accepts that evidence, and the inspector may send it back. Its state is derived from its
/// <see cref="RectificationStep"/> rows.
/// </summary>
public sealed class Rectification
{
    private Rectification()
    {
        Problem = string.Empty;
    }

    internal Rectification(InspectionItem item, InspectionFinding finding, PersonId responsible, DateOnly deadline, DateTimeOffset now, DateOnly today)
    {
        Id = Guid.CreateVersion7();
        CountyId = item.CountyId;
        UnitId = item.UnitId;
        InspectionId = item.InspectionId;
        ItemId = item.Id;
        FindingId = finding.Id;
        MatterId = item.MatterId;
        Problem = finding.Note;
        ResponsibleId = responsible;
        InspectorId = finding.By;
        Deadline = deadline;
        OpenedAt = now;
        OpenedOn = today;
    }

    public Guid Id { get; private set; }

    public CountyId CountyId { get; private set; }

    public UnitId UnitId { get; private set; }

    public Guid InspectionId { get; private set; }

    public Guid ItemId { get; private set; }

    public Guid FindingId { get; private set; }

    public MatterId MatterId { get; private set; }

    public string Problem { get; private set; }

    /// <summary>The deputy in charge of finance when the problem was found.</summary>
    public PersonId ResponsibleId { get; private set; }

    /// <summary>The inspector who found the problem, and alone accepts its correction.</summary>
    public PersonId InspectorId { get; private set; }

    public DateOnly Deadline { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    /// <summary>The local day it was opened: its clock counts from it (R46). Null for tasks opened before it was kept, whose clock counts from <see cref="OpenedAt"/>'s UTC day.</summary>
    public DateOnly? OpenedOn { get; private set; }

    /// <summary>
    /// R46: the task's clock on <paramref name="today"/> — the working days from its opening to its
    /// deadline on the official calendar, those used and left, yellow at the warning share and red
    /// once the deadline has passed, like every other limit.
    /// </summary>
    public RectificationClock ClockOn(DateOnly today, WorkingCalendar calendar, LimitWatch watch)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(watch);
        var start = OpenedOn ?? ChinaTime.DateOf(OpenedAt);
        var limit = TimeLimit.Working(calendar.WorkingDaysBetween(start, Deadline));
        var used = limit.Used(start, today, calendar);
        return new RectificationClock(limit, used, Math.Max(0, limit.Days - used), watch.Colour(used, limit.Days));
    }

    public static RectificationState StateOf(IEnumerable<RectificationStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        return steps.MaxBy(s => s.Number)?.Kind switch
        {
            null or RectificationStepKind.SentBack => RectificationState.Open,
            RectificationStepKind.Evidence => RectificationState.AwaitingAcceptance,
            RectificationStepKind.Accepted => RectificationState.Closed,
            _ => throw new InvalidOperationException("Unknown rectification step."),
        };
    }

    /// <summary>The responsible deputy reports the correction with its evidence: only them, only while the task waits for it.</summary>
    public Result<RectificationStep> GiveEvidence(IReadOnlyCollection<RectificationStep> steps, PersonId by, string? text, string? attachment, IOrganizationView org, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(org);
        if (by != ResponsibleId)
        {
            return Refusal.Because("R8", "EvidenceByResponsible", "{person} is not the deputy this rectification was opened for; the responsible deputy gives its evidence.", ("person", org.NameOf(by)));
        }

        var state = StateOf(steps);
        if (state != RectificationState.Open)
        {
            return Refusal.Because("R8", "RectificationNotOpen", "The rectification is {state}; evidence is given while it is open or after it was sent back.", ("state", state.ToString()));
        }

        var body = text?.Trim() ?? string.Empty;
        var reference = string.IsNullOrWhiteSpace(attachment) ? null : attachment.Trim();
        if (body.Length is 0 or > InspectionFinding.MaxText || reference?.Length > RectificationStep.MaxAttachment)
        {
            return Refusal.Because(Refusal.InvalidId, "EvidenceLength", "Evidence says what was corrected (at most {max} characters), with an optional attachment reference (at most {attachment}).", ("max", InspectionFinding.MaxText.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("attachment", RectificationStep.MaxAttachment.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return Result<RectificationStep>.Ok(new RectificationStep(this, steps.Count + 1, RectificationStepKind.Evidence, body, reference, by, now));
    }

    /// <summary>The inspector accepts the evidence (closing the task) or sends it back with a reason.</summary>
    public Result<RectificationStep> Decide(IReadOnlyCollection<RectificationStep> steps, PersonId by, bool accept, string? reason, IOrganizationView org, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(org);
        if (by != InspectorId)
        {
            return Refusal.Because("R8", "AcceptByInspector", "{person} did not find this problem; only the inspector who found it accepts or sends back its rectification.", ("person", org.NameOf(by)));
        }

        if (by == ResponsibleId || steps.Any(s => s.Kind == RectificationStepKind.Evidence && s.By == by))
        {
            return Refusal.Because("R8", "AcceptOwnEvidence", "{person} gave this rectification's evidence; nobody accepts their own correction.", ("person", org.NameOf(by)));
        }

        var state = StateOf(steps);
        if (state != RectificationState.AwaitingAcceptance)
        {
            return Refusal.Because("R8", "NoEvidenceToDecide", "The rectification is {state}; it is accepted or sent back once the deputy has given evidence.", ("state", state.ToString()));
        }

        var body = reason?.Trim() ?? string.Empty;
        if (body.Length > InspectionFinding.MaxText || (!accept && body.Length == 0))
        {
            return Refusal.Because(Refusal.InvalidId, "SendBackReason", "Sending back says why (at most {max} characters).", ("max", InspectionFinding.MaxText.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return Result<RectificationStep>.Ok(new RectificationStep(this, steps.Count + 1, accept ? RectificationStepKind.Accepted : RectificationStepKind.SentBack, body, null, by, now));
    }
}
