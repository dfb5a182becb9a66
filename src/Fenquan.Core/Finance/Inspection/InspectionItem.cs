using Fenquan.Core.Calendar;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Finance.Inspection;

/// <summary>
/// One claim of a voucher inspection's sample (R8), with the inspector it was assigned to when
/// drawn: a principal with no interest in it, the county's discipline inspection when every
/// principal has one (<see cref="ByCounty"/>), or nobody (null: the county sees it as missed).
/// </summary>
public sealed class InspectionItem
{
    private InspectionItem()
    {
    }

    internal InspectionItem(VoucherInspection inspection, int order, SampledClaim claim, PersonId? inspector, bool byCounty)
    {
        Id = Guid.CreateVersion7();
        CountyId = inspection.CountyId;
        UnitId = inspection.UnitId;
        InspectionId = inspection.Id;
        Order = order;
        MatterId = new MatterId(claim.MatterId);
        Amount = claim.Amount;
        Reason = claim.Reason;
        InspectorId = inspector;
        ByCounty = byCounty;
    }

    public Guid Id { get; private set; }

    public CountyId CountyId { get; private set; }

    public UnitId UnitId { get; private set; }

    public Guid InspectionId { get; private set; }

    /// <summary>The place in the draw, from 1.</summary>
    public int Order { get; private set; }

    public MatterId MatterId { get; private set; }

    /// <summary>What was paid on the claim in the period (the amount the draw weighed).</summary>
    public decimal Amount { get; private set; }

    public SampleReason Reason { get; private set; }

    public PersonId? InspectorId { get; private set; }

    /// <summary>Assigned to the county's discipline inspection because every principal has an interest in the claim.</summary>
    public bool ByCounty { get; private set; }

    /// <summary>
    /// The inspector's finding on this claim, with a rectification task when it is a problem.
    /// Checked in this order: the finder is this item's inspector (a deputy or the other principal
    /// is not), still a principal of the unit today (unless the county's inspector), and has no
    /// interest in the claim; no finding yet; a problem says what is wrong; a problem has a finance
    /// deputy to answer for it.
    /// </summary>
    public Result<(InspectionFinding Finding, Rectification? Task)> Find(
        RecordFinding command, bool alreadyFound, IReadOnlySet<PersonId> interested, IOrganizationView org, WorkingCalendar calendar, InspectionSettings settings, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(interested);
        ArgumentNullException.ThrowIfNull(org);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(settings);
        var who = org.NameOf(command.By);
        if (InspectorId != command.By || (!ByCounty && !org.HoldsRole(UnitId, command.By, Role.Principal, today)))
        {
            return Refusal.Because("R8", "FindingByInspector", "{person} is not the inspector this claim was drawn for; only its inspector records the finding.", ("person", who));
        }

        if (interested.Contains(command.By))
        {
            return Refusal.Because("R8", "InspectorInterested", "{person} initiated, is paid by or decided this claim; nobody inspects a claim of their own.", ("person", who));
        }

        if (alreadyFound)
        {
            return Refusal.Because("R8", "FindingOnce", "The finding on this claim is recorded already; a finding is recorded once.");
        }

        var note = command.Note?.Trim() ?? string.Empty;
        if (!Enum.IsDefined(command.Verdict) || note.Length > InspectionFinding.MaxText || (command.Verdict == Verdict.Problem && note.Length == 0))
        {
            return Refusal.Because(Refusal.InvalidId, "FindingNote", "A finding is in order or a problem; a problem says what is wrong (at most {max} characters).", ("max", InspectionFinding.MaxText.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var finding = new InspectionFinding(this, command.Verdict, note, command.By, now);
        if (command.Verdict == Verdict.InOrder)
        {
            return Result<(InspectionFinding, Rectification?)>.Ok((finding, null));
        }

        if (org.DeputyInCharge(UnitId, Area.Finance, today) is not { } deputy)
        {
            return Refusal.Because("R8", "NoFinanceDeputy", "Nobody is in charge of finance in the unit on {date}; a problem is rectified by the finance deputy, so one is assigned first.", ("date", VoucherInspection.Day(today)));
        }

        var task = new Rectification(this, finding, deputy, calendar.AddWorkingDays(today, settings.RectificationDays), now, today);
        return Result<(InspectionFinding, Rectification?)>.Ok((finding, task));
    }
}
