using Fenquan.Core.Matters;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;

namespace Fenquan.Data.Queries;

/// <summary>A step waiting for the viewer, with when it is due.</summary>
public sealed record TaskItem(Matter Matter, RouteStep Step, int StepIndex, DateTimeOffset Since, DateTimeOffset Due, bool Overdue, PersonId? OnBehalfOf = null);
