using Fenquan.Core.Primitives;

namespace Fenquan.Core.Finance.Inspection;

/// <summary>A finding on one inspected claim: in order, or a problem with what is wrong.</summary>
public sealed record RecordFinding(PersonId By, Verdict Verdict, string? Note);
