namespace Fenquan.Core.Calendar;

/// <summary>
/// R46: one kind of step's time limit in a unit's policy — days, counted as working days on the
/// official calendar or as calendar days — and the share of it at which the step turns yellow.
/// </summary>
public sealed record StepLimit(TimeLimit Limit, int WarningPercent = LimitWatch.DefaultWarningPercent)
{
    /// <summary>Today's behaviour before limits were in the policy: 3 working days, yellow at 80 %.</summary>
    public static StepLimit Standard { get; } = new(TimeLimit.Working(3));

    /// <summary>The last day within the limit for a step that began on <paramref name="start"/>.</summary>
    public DateOnly DueOn(DateOnly start, WorkingCalendar calendar) => Limit.DueOn(start, calendar);

    /// <summary>Red once <paramref name="today"/> is past the last day; yellow once the warning share of the days is used.</summary>
    public LimitColour ColourOn(DateOnly start, DateOnly today, WorkingCalendar calendar)
    {
        if (today > DueOn(start, calendar))
        {
            return LimitColour.Red;
        }

        var colour = new LimitWatch(WarningPercent).Colour(Limit.Used(start, today, calendar), Limit.Days);
        return colour == LimitColour.Red ? LimitColour.Yellow : colour;
    }
}
