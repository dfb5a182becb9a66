namespace Fenquan.Core.Calendar;

/// <summary>
/// R46: what a time limit counts. Most count working days on the official calendar (with its
/// adjusted working weekends, 调休); some notice periods count calendar days by law.
/// </summary>
public enum DayCount
{
    /// <summary>工作日: working days on the official calendar.</summary>
    WorkingDays,

    /// <summary>自然日: every day.</summary>
    CalendarDays,
}
