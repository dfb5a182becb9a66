using Fenquan.Core.Calendar;

namespace Fenquan.Core.Licensing;

/// <summary>
/// Where an application stands on a day, derived from its rows and the calendar (R46): its state,
/// the stage or step the clock runs for, the limit (in working days), the working days used (paused
/// days not counted, Art. 45) and left, and the colour — yellow at the warning share, red when exceeded.
/// </summary>
public sealed record ApplicationStatus(
    ApplicationState State,
    string Stage,
    TimeLimit Limit,
    int Used,
    int Left,
    LimitColour Colour,
    PauseReason? PausedFor,
    TimeLimit? StepLimit,
    int StepUsed,
    IReadOnlyList<string> MissingDocuments)
{
    /// <summary>The stage before the item's own steps; the pages name it in the viewer's language, a step by its register name.</summary>
    public const string Acceptance = "受理";

    public bool IsAcceptance => Stage == Acceptance;
}

