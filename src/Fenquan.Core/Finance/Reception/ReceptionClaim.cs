using System.Globalization;
using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Finance.Reception;

/// <summary>
/// A reception claim checked line by line against its request and the county's standards (R31),
/// whatever the claim is called: a 会议, 培训 or 联谊 is checked by its lines, not its title. Checked
/// in this order: every accompanying person who attended is on the request; then for each line:
/// nothing prohibited in its goods lines or category (alcohol, cigarettes, gifts, entertainment,
/// found in the invoice's words, not the category chosen); no more people than the request's guests
/// and staff; on a day of the request; within the standard per person for meals and accommodation.
/// </summary>
public static class ReceptionClaim
{
    public static Outcome Check(ReceptionRequest request, IReadOnlyCollection<ReceptionLine> lines, IReadOnlyCollection<PersonId> attending, ReceptionStandards standards, IOrganizationView org)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(attending);
        ArgumentNullException.ThrowIfNull(standards);
        ArgumentNullException.ThrowIfNull(org);
        if (attending.Where(p => !request.Staff.Contains(p)).Select(p => (PersonId?)p).FirstOrDefault() is { } stranger)
        {
            return Refusal.Because("R31", "StaffNotOnRequest", "{person} attended but is not among the request's accompanying staff; everyone who accompanies guests is on the request.",
                ("person", org.NameOf(stranger)));
        }

        var standard = standards.For(request.Level);
        var people = request.Guests.Count + request.Staff.Count;
        foreach (var line in lines.OrderBy(l => l.Number))
        {
            var number = line.Number.ToString(CultureInfo.InvariantCulture);
            foreach (var text in line.Goods.Prepend(line.Category))
            {
                if (ProhibitedGoods.Find(text) is { } word)
                {
                    return Refusal.Because("R31", "ProhibitedGoods", "Line {line} pays for \"{goods}\" ({word}): no alcohol, cigarettes, gifts or entertainment at public expense, whatever the claim is called.",
                        ("line", number), ("goods", text), ("word", word));
                }
            }

            if (line.Persons <= 0 || line.Times <= 0 || line.Amount <= 0m)
            {
                return Refusal.Because(Refusal.InvalidId, "ReceptionLineNumbers", "Line {line}: the number of people, of meals or nights, and the amount are above zero.", ("line", number.ToString(CultureInfo.InvariantCulture)));
            }

            if (line.Persons > people)
            {
                return Refusal.Because("R31", "MorePeopleThanRequest", "Line {line} is for {persons} people; the request has {guests} guests and {staff} accompanying staff.",
                    ("line", number), ("persons", line.Persons.ToString(CultureInfo.InvariantCulture)), ("guests", request.Guests.Count.ToString(CultureInfo.InvariantCulture)), ("staff", request.Staff.Count.ToString(CultureInfo.InvariantCulture)));
            }

            if (line.Day < request.From || line.Day > request.Until)
            {
                return Refusal.Because("R31", "OutsideRequestDays", "Line {line} is on {day}, outside the request's days {from} to {until}.",
                    ("line", number), ("day", Day(line.Day)), ("from", Day(request.From)), ("until", Day(request.Until)));
            }

            var limit = line.Cost switch
            {
                ReceptionCost.Meal => standard.MealPerPerson,
                ReceptionCost.Accommodation => standard.AccommodationPerNight,
                ReceptionCost.Other => decimal.MaxValue,
                _ => 0m,
            };
            var perPerson = decimal.Round(line.Amount / (line.Persons * line.Times), 2, MidpointRounding.AwayFromZero);
            if (perPerson > limit)
            {
                return Refusal.Because("R31", "OverStandard", "Line {line} ({category}) costs {perPerson} per person each time; the county's standard for {level} guests is {standard}.",
                    ("line", number), ("category", line.Category), RefusalArgument.Amount("perPerson", perPerson), ("level", request.Level.ToString()), RefusalArgument.Amount("standard", limit));
            }
        }

        return Outcome.Ok;
    }

    /// <summary>
    /// R31 at a claim's submission: a reception matter (the reception route) names an approved request
    /// of its unit (another unit's is not found), not claimed before; every line carries its reception
    /// facts and the claim passes <see cref="Check"/>; then the request is tied to the claim. Any other
    /// matter names no request.
    /// </summary>
    public static Outcome Tie(Matter matter, ClaimDetails? claim, ReceptionRequest? request, ReceptionStandards standards, IOrganizationView org)
    {
        ArgumentNullException.ThrowIfNull(matter);
        ArgumentNullException.ThrowIfNull(standards);
        var facts = claim?.Reception;
        if (matter.Kind != MatterKind.Reception)
        {
            return facts is null ? Outcome.Ok : Refusal.Because(Refusal.InvalidId, "ReceptionClaimOnly", "Only a reception claim names a reception request.");
        }

        if (facts is null || claim is null)
        {
            return Refusal.Because("R31", "ClaimNeedsRequest", "A reception claim names its approved reception request and lists its lines; a reception is paid only as requested and approved.");
        }

        if (request is null || request.CountyId != matter.CountyId || request.UnitId != matter.UnitId || request.Id != facts.Request)
        {
            return Refusal.NotFound($"Reception request {facts.Request:D}");
        }

        var lines = new List<ReceptionLine>();
        foreach (var (line, number) in claim.Lines.Select((l, i) => (l, i + 1)))
        {
            if (line.Reception is not { } r)
            {
                return Refusal.Because(Refusal.InvalidId, "ReceptionLineFields", "Line {line}: a reception claim's line says what it pays for, the day, the people and the times.", ("line", number.ToString(CultureInfo.InvariantCulture)));
            }

            lines.Add(new ReceptionLine(number, r.Cost, line.Category?.Trim() ?? string.Empty, r.Day, r.Persons, r.Times, line.Amount, r.Goods ?? []));
        }

        var state = request.IsApproved && request.ClaimId is null ? Check(request, lines, facts.Attending ?? [], standards, org) : Outcome.Ok;
        return state.IsOk ? request.TieClaim(matter.Id) : state;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
