using Fenquan.Core.Primitives;

namespace Fenquan.Core.Finance.Reception;

/// <summary>A reception request as submitted.</summary>
public sealed record RequestReception(CountyId County, UnitId Unit, PersonId By, string? Letter, string? SendingOffice, GuestLevel Level, IReadOnlyList<string>? Guests, IReadOnlyList<PersonId>? Staff, DateOnly From, DateOnly Until);
