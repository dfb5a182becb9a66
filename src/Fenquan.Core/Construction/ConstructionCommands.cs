using Fenquan.Core.Primitives;

namespace Fenquan.Core.Construction;

/// <summary>
/// The tender through the district tender office (R20): its method, the office's reference, the
/// written justification a single source needs, and for a township's own tender the district's
/// guidance (the tender office's file or opinion it runs under).
/// </summary>
public sealed record RecordTender(PersonId By, TenderMethod Method, string? TenderOfficeReference, string? Justification, string? DistrictGuidance);

/// <summary>The contract with the chosen contractor: amount, term (works from and until), its number, retention rate (质保金) and warranty months.</summary>
public sealed record SignContract(PersonId By, decimal Amount, DateOnly SignedOn, DateOnly WorksFrom, DateOnly WorksUntil, string? Reference, decimal RetentionRate, int WarrantyMonths);
