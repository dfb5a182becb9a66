using Fenquan.Core.Calendar;
using Fenquan.Core.Matters;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;

namespace Fenquan.Data.Queries;

/// <summary>A step waiting for the viewer, with when it is due and where it stands against its limit (R46).</summary>
public sealed record TaskItem(Matter Matter, RouteStep Step, int StepIndex, DateTimeOffset Since, DateTimeOffset Due, LimitColour Colour, PersonId? OnBehalfOf = null)
{
    /// <summary>R46: past its time limit (red).</summary>
    public bool Overdue => Colour == LimitColour.Red;
}
