using System.Globalization;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Finance.Reception;

/// <summary>
/// An official reception's request (R31): the sending office's official letter (公函, mandatory, as
/// an attachment reference), the guests and their level, the unit's accompanying staff, and the
/// days. Accompanying staff are limited by the county's rule; a claim for the reception is checked
/// against this request (<see cref="ReceptionClaim"/>). Its guest list and staff are the reception
/// list (接待清单) kept with the claim.
/// </summary>
public sealed class ReceptionRequest
{
    public const int MaxText = 200;
    public const int MaxGuests = 200;

    private ReceptionRequest()
    {
        Letter = string.Empty;
        SendingOffice = string.Empty;
        Guests = [];
        Staff = [];
    }

    public Guid Id { get; private set; }

    public CountyId CountyId { get; private set; }

    public UnitId UnitId { get; private set; }

    /// <summary>The official letter's attachment reference (its uploaded file's hash, or the letter's number).</summary>
    public string Letter { get; private set; }

    public string SendingOffice { get; private set; }

    public GuestLevel Level { get; private set; }

    /// <summary>The guests' names, as the letter lists them.</summary>
    public IReadOnlyList<string> Guests { get; private set; }

    /// <summary>The unit's people who accompany the guests.</summary>
    public IReadOnlyList<PersonId> Staff { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly Until { get; private set; }

    public PersonId RequestedBy { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    /// <summary>The finance deputy in charge who approved the request (R31); null until then.</summary>
    public PersonId? ApprovedBy { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    /// <summary>The one expense claim paid for this reception (R31), tied to it at the claim's submission; null until then.</summary>
    public MatterId? ClaimId { get; private set; }

    public bool IsApproved => ApprovedBy is not null;

    /// <summary>
    /// R31 (the reception request's route: the office requests, the finance deputy approves): only
    /// the deputy in charge of finance on the day approves, never the requester, and once.
    /// </summary>
    public Outcome Approve(PersonId by, IOrganizationView org, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(org);
        if (IsApproved)
        {
            return Refusal.Because("R31", "RequestApprovedOnce", "This reception request was approved already.");
        }

        var today = ChinaTime.DateOf(now);
        if (org.DeputyInCharge(UnitId, Area.Finance, today) != by || by == RequestedBy)
        {
            return Refusal.Because("R31", "RequestApprover", "A reception request is approved by the deputy in charge of finance, who did not request it.");
        }

        ApprovedBy = by;
        ApprovedAt = now;
        return Outcome.Ok;
    }

    /// <summary>
    /// R31: an expense claim for this reception is tied to it at submission, once the request is
    /// approved, and only one claim per request.
    /// </summary>
    internal Outcome TieClaim(MatterId claim)
    {
        if (!IsApproved)
        {
            return Refusal.Because("R31", "RequestNotApproved", "The reception request is not approved yet; a reception is claimed against an approved request.");
        }

        if (ClaimId is { } earlier)
        {
            return Refusal.Because("R31", "RequestClaimedOnce", "The reception request is already claimed by matter {matter}; one claim per reception.", ("matter", earlier.ToString()));
        }

        ClaimId = claim;
        return Outcome.Ok;
    }

    /// <summary>
    /// A request. Checked in this order: the letter is given (R31); guests are named, with a known level,
    /// and the days are in order; every accompanying person belongs to the unit; not more staff than
    /// the county's rule allows for that many guests (R31).
    /// </summary>
    public static Result<ReceptionRequest> Create(RequestReception command, ReceptionStandards standards, IOrganizationView org, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(standards);
        ArgumentNullException.ThrowIfNull(org);
        var letter = command.Letter?.Trim() ?? string.Empty;
        if (letter.Length == 0)
        {
            return Refusal.Because("R31", "LetterRequired", "An official reception needs the sending office's official letter (公函); attach it to the request.");
        }

        var guests = (command.Guests ?? []).Select(g => g?.Trim() ?? string.Empty).ToList();
        var office = command.SendingOffice?.Trim() ?? string.Empty;
        if (letter.Length > MaxText || office.Length is 0 or > MaxText || guests.Count is 0 or > MaxGuests || guests.Any(g => g.Length is 0 or > 50)
            || !Enum.IsDefined(command.Level) || command.Until < command.From || command.Until.DayNumber - command.From.DayNumber > 30)
        {
            return Refusal.Because(Refusal.InvalidId, "ReceptionRequestFields", "A reception request names the sending office, 1 to {max} guests and their level, and its days (at most 31).", ("max", MaxGuests.ToString(CultureInfo.InvariantCulture)));
        }

        var staff = (command.Staff ?? []).Distinct().ToList();
        var today = ChinaTime.DateOf(now);
        if (staff.Where(p => !org.BelongsTo(command.Unit, p, today)).Select(p => (PersonId?)p).FirstOrDefault() is { } stranger)
        {
            return Refusal.Because(Refusal.InvalidId, "StaffOutsideUnit", "{person} is not of the unit; accompanying staff are the unit's people.", ("person", org.NameOf(stranger)));
        }

        var allowed = standards.StaffAllowed(guests.Count);
        if (staff.Count > allowed)
        {
            return Refusal.Because("R31", "TooManyStaff", "{staff} accompanying staff for {guests} guests; the county allows at most {allowed}.",
                ("staff", staff.Count.ToString(CultureInfo.InvariantCulture)), ("guests", guests.Count.ToString(CultureInfo.InvariantCulture)), ("allowed", allowed.ToString(CultureInfo.InvariantCulture)));
        }

        return Result<ReceptionRequest>.Ok(new ReceptionRequest
        {
            Id = Guid.CreateVersion7(),
            CountyId = command.County,
            UnitId = command.Unit,
            Letter = letter,
            SendingOffice = office,
            Level = command.Level,
            Guests = guests,
            Staff = staff,
            From = command.From,
            Until = command.Until,
            RequestedBy = command.By,
            RequestedAt = now,
        });
    }
}
