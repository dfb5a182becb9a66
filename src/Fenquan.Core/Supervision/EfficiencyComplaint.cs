using System.Globalization;
using Fenquan.Core.Calendar;
using Fenquan.Core.Licensing;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Supervision;

/// <summary>
/// An efficiency complaint (效能投诉, R32) about a unit, and optionally one of its people. Routed when
/// filed: to the unit's discipline member, or — when it is about a principal or a discipline member,
/// or the unit has none — to the county's discipline inspection; never to the person complained of,
/// who never sees it (<see cref="MaySee"/>). Handled within 30 working days (R46), extendable once,
/// with a reason, by up to 30 more. The complainant reads the reply and rates it (好差评).
/// </summary>
public sealed class EfficiencyComplaint
{
    public const int LimitWorkingDays = 30;
    public const int MaxExtensionWorkingDays = 30;
    public const int MaxText = 4000;

    private EfficiencyComplaint()
    {
        ReceiptNumber = FollowUpCodeHash = Text = HotlineOrder = ExtensionReason = Reply = ComplainantName = string.Empty;
    }

    public Guid Id { get; private set; }

    public CountyId CountyId { get; private set; }

    public UnitId UnitId { get; private set; }

    /// <summary>The application it was filed from, if any.</summary>
    public Guid? ApplicationId { get; private set; }

    public ComplaintChannel Channel { get; private set; }

    /// <summary>The 12345 work order's number (Hotline12345 only).</summary>
    public string HotlineOrder { get; private set; }

    public string ReceiptNumber { get; private set; }

    public string FollowUpCodeHash { get; private set; }

    /// <summary>Who complained (may be empty: anonymous); personal data, seen only by the handler.</summary>
    public string ComplainantName { get; private set; }

    /// <summary>The person complained of, if named.</summary>
    public PersonId? AboutId { get; private set; }

    public string Text { get; private set; }

    /// <summary>The staff member who entered a telephone or hotline complaint.</summary>
    public PersonId? EnteredById { get; private set; }

    public DateTimeOffset FiledAt { get; private set; }

    public DateOnly FiledOn { get; private set; }

    public ComplaintRoute Route { get; private set; }

    /// <summary>Who handles it: the unit's discipline member or the county's discipline inspection.</summary>
    public PersonId HandlerId { get; private set; }

    public int ExtensionDays { get; private set; }

    public string ExtensionReason { get; private set; }

    public string Reply { get; private set; }

    public DateTimeOffset? RepliedAt { get; private set; }

    public DateOnly? RepliedOn { get; private set; }

    public ServiceRating? Rating { get; private set; }

    public DateTimeOffset? RatedAt { get; private set; }

    /// <summary>R46: 30 working days, plus the extension.</summary>
    public TimeLimit Limit => TimeLimit.Working(LimitWorkingDays + ExtensionDays);

    /// <summary>
    /// Files a complaint and routes it (R32). <paramref name="countyInspection"/> is the county's
    /// discipline inspection (County.DisciplineInspectionId); a complaint that would go there while
    /// the county named nobody is refused rather than left with no one.
    /// </summary>
    public static Result<EfficiencyComplaint> File(
        CountyId county, UnitId unit, PersonId? about, string text, string complainant, ComplaintChannel channel, string? hotlineOrder,
        Guid? applicationId, PersonId? enteredBy, string receiptNumber, string followUpCode,
        IOrganizationView org, PersonId? countyInspection, DateTimeOffset now, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(org);
        var body = text?.Trim() ?? string.Empty;
        if (body.Length is 0 or > MaxText || (complainant?.Length ?? 0) > 200)
        {
            return Refusal.Because("R32", "ComplaintText", "A complaint says what happened (at most 4000 characters).");
        }

        var order = hotlineOrder?.Trim() ?? string.Empty;
        if (channel == ComplaintChannel.Hotline12345 && order.Length is 0 or > 40)
        {
            return Refusal.Because("R32", "HotlineOrderMissing", "A 12345 hotline complaint carries its work order's number.");
        }

        if (channel is ComplaintChannel.Telephone or ComplaintChannel.Hotline12345 && (enteredBy is not { } staff || !org.BelongsTo(unit, staff, today)))
        {
            return Refusal.Because("R32", "EnteredByStaff", "A telephone or hotline complaint is entered by a member of staff.");
        }

        if (about is { } person && !org.BelongsTo(unit, person, today))
        {
            return Refusal.NotFound("Person " + person);
        }

        var routed = RouteOf(unit, about, org, countyInspection, today);
        if (!routed.IsOk)
        {
            return routed.Refusal!;
        }

        return Result<EfficiencyComplaint>.Ok(new EfficiencyComplaint
        {
            Id = Guid.CreateVersion7(),
            CountyId = county,
            UnitId = unit,
            ApplicationId = applicationId,
            Channel = channel,
            HotlineOrder = channel == ComplaintChannel.Hotline12345 ? order : string.Empty,
            ReceiptNumber = receiptNumber,
            FollowUpCodeHash = ApprovalApplication.HashCode(followUpCode),
            ComplainantName = complainant?.Trim() ?? string.Empty,
            AboutId = about,
            Text = body,
            EnteredById = channel is ComplaintChannel.Telephone or ComplaintChannel.Hotline12345 ? enteredBy : null,
            FiledAt = now,
            FiledOn = today,
            Route = routed.Value.Route,
            HandlerId = routed.Value.Handler,
        });
    }

    /// <summary>
    /// R32: the unit's discipline member, unless the complaint is about a principal or a discipline
    /// member of the unit (or the unit has none): then the county's discipline inspection. Never the
    /// person complained of.
    /// </summary>
    public static Result<(ComplaintRoute Route, PersonId Handler)> RouteOf(UnitId unit, PersonId? about, IOrganizationView org, PersonId? countyInspection, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(org);
        var discipline = org.PeopleWithRole(unit, Role.DisciplineMember, today);
        var aboutLeader = about is { } p && (org.Principals(unit, today).Contains(p) || discipline.Contains(p));
        var member = discipline.FirstOrDefault(d => d != about);
        if (!aboutLeader && discipline.Count > 0 && member != default)
        {
            return Result<(ComplaintRoute, PersonId)>.Ok((ComplaintRoute.UnitDiscipline, member));
        }

        if (countyInspection is not { } inspection || inspection == about)
        {
            return Refusal.Because("R32", "NoCountyInspection", "This complaint goes to the county's discipline inspection, and the county has named nobody for it.");
        }

        return Result<(ComplaintRoute, PersonId)>.Ok((ComplaintRoute.CountyDisciplineInspection, inspection));
    }

    /// <summary>
    /// R32: who may read the complaint — its handler, and for a unit complaint the unit's other
    /// discipline members; never the person complained of, whatever else they are.
    /// </summary>
    public bool MaySee(PersonId? person, IOrganizationView org, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(org);
        if (person is not { } p || p == AboutId)
        {
            return false;
        }

        return p == HandlerId || (Route == ComplaintRoute.UnitDiscipline && org.HoldsRole(UnitId, p, Role.DisciplineMember, today));
    }

    public bool Opens(string? code) => ApprovalApplication.CodeMatches(FollowUpCodeHash, code);

    /// <summary>Once, with a reason, by up to 30 working days (60 in all).</summary>
    public Outcome Extend(PersonId by, int days, string reason, IOrganizationView org, DateOnly today)
    {
        if (Handling(by, org, today) is { } refusal)
        {
            return refusal;
        }

        if (ExtensionDays > 0)
        {
            return Refusal.Because("R32", "ExtendedOnce", "Complaint {receipt} was already extended once.", ("receipt", ReceiptNumber));
        }

        if (days is < 1 or > MaxExtensionWorkingDays || string.IsNullOrWhiteSpace(reason) || reason.Length > 2000)
        {
            return Refusal.Because("R32", "ExtensionLimit", "An extension gives its reason and adds 1 to {max} working days.", ("max", MaxExtensionWorkingDays.ToString(CultureInfo.InvariantCulture)));
        }

        ExtensionDays = days;
        ExtensionReason = reason.Trim();
        return Outcome.Ok;
    }

    public Outcome Answer(PersonId by, string reply, IOrganizationView org, DateTimeOffset now, DateOnly today)
    {
        if (Handling(by, org, today) is { } refusal)
        {
            return refusal;
        }

        if (string.IsNullOrWhiteSpace(reply) || reply.Length > MaxText)
        {
            return Refusal.Because("R32", "ReplyText", "A reply says what was found and done (at most 4000 characters).");
        }

        Reply = reply.Trim();
        RepliedAt = now;
        RepliedOn = today;
        return Outcome.Ok;
    }

    /// <summary>The complainant rates the reply on the 好差评 scale, once.</summary>
    public Outcome Rate(ServiceRating rating, DateTimeOffset now)
    {
        if (RepliedAt is null)
        {
            return Refusal.Because("R32", "RateAfterReply", "A complaint is rated after its reply.");
        }

        if (Rating is not null || !Enum.IsDefined(rating))
        {
            return Refusal.Because("R32", "RatedOnce", "A reply is rated once, on the five levels of the 好差评 scale.");
        }

        Rating = rating;
        RatedAt = now;
        return Outcome.Ok;
    }

    /// <summary>R46: where the complaint stands against its limit (stopped at the reply).</summary>
    public (int Used, LimitColour Colour) StatusOn(DateOnly today, WorkingCalendar calendar, LimitWatch watch)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(watch);
        var used = Limit.Used(FiledOn, RepliedOn ?? today, calendar);
        return (used, watch.Colour(used, Limit.Days));
    }

    private Refusal? Handling(PersonId by, IOrganizationView org, DateOnly today)
    {
        if (!MaySee(by, org, today))
        {
            return Refusal.NotFound("Complaint " + ReceiptNumber);
        }

        return RepliedAt is null ? null : Refusal.Because("R32", "AlreadyAnswered", "Complaint {receipt} was answered.", ("receipt", ReceiptNumber));
    }
}
