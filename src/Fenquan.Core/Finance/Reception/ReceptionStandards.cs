using Fenquan.Core.CountyChanges;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Finance.Reception;

/// <summary>
/// The county's official reception standards (R31): per guest level, a working meal and a night's
/// accommodation per person, and how many of the unit's staff may accompany the guests (at most
/// <see cref="StaffUpToSmallGroup"/> for up to <see cref="SmallGroup"/> guests, at most one
/// <see cref="StaffShareAbove"/>-th of the guests above). County data that decides refusals, so it
/// changes only under four eyes (<see cref="CountyChangeSubject.ReceptionStandards"/>).
/// </summary>
public sealed record ReceptionStandards(IReadOnlyList<ReceptionStandard> Levels, int StaffUpToSmallGroup = 3, int SmallGroup = 10, int StaffShareAbove = 3)
{
    /// <summary>Standards of the kind the central and provincial rules set, until the county confirms its own.</summary>
    public static ReceptionStandards Default { get; } = new(
    [
        new(GuestLevel.Provincial, 120m, 800m),
        new(GuestLevel.Prefectural, 100m, 450m),
        new(GuestLevel.County, 80m, 350m),
        new(GuestLevel.Staff, 60m, 300m),
    ]);

    public ReceptionStandard For(GuestLevel level) => Levels.Single(l => l.Level == level);

    /// <summary>How many staff may accompany <paramref name="guests"/> guests.</summary>
    public int StaffAllowed(int guests) => guests <= SmallGroup ? StaffUpToSmallGroup : guests / StaffShareAbove;

    public Outcome Check() =>
        Enum.GetValues<GuestLevel>().All(level => Levels.Count(l => l.Level == level) == 1)
        && Levels.All(l => l.MealPerPerson > 0m && l.AccommodationPerNight > 0m && decimal.Round(l.MealPerPerson, 2) == l.MealPerPerson && decimal.Round(l.AccommodationPerNight, 2) == l.AccommodationPerNight)
        && StaffUpToSmallGroup >= 0 && SmallGroup > 0 && StaffShareAbove > 0
            ? Outcome.Ok
            : Refusal.Because(Refusal.InvalidId, "ReceptionStandardsInvalid", "Reception standards name every guest level once, with a meal and a night's accommodation per person above zero (to the fen), and the staff rule's numbers.");

    public string ToJson() => System.Text.Json.JsonSerializer.Serialize(this, RegisterJson.Options);

    public static Result<ReceptionStandards> FromJson(string json)
    {
        var read = RegisterJson.Read<ReceptionStandards>(json, "reception standards");
        if (!read.IsOk)
        {
            return read;
        }

        var check = read.Value.Check();
        return check.IsOk ? read : check.Refusal!;
    }
}
