using Fenquan.Core.Primitives;

namespace Fenquan.Core.Finance.Inspection;

/// <summary>A request to draw a unit's inspection sample for a period, by a principal of the unit.</summary>
public sealed record DrawInspection(CountyId County, UnitId Unit, InspectionPeriod Period, PersonId By, InspectionSettings Settings);
