namespace Fenquan.Core.Finance.Reception;

/// <summary>One guest level's standards, in yuan per person: a working meal, and a night's accommodation.</summary>
public sealed record ReceptionStandard(GuestLevel Level, decimal MealPerPerson, decimal AccommodationPerNight);
