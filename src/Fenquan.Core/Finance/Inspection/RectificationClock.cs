using Fenquan.Core.Calendar;

namespace Fenquan.Core.Finance.Inspection;

/// <summary>Where a rectification's deadline stands on a day (R46): its limit in working days, those used and left, and the colour.</summary>
public sealed record RectificationClock(TimeLimit Limit, int Used, int Left, LimitColour Colour);
