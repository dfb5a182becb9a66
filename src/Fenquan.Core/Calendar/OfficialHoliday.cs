namespace Fenquan.Core.Calendar;

/// <summary>One holiday of a year's notice: its name and its inclusive date range (放假).</summary>
public sealed record OfficialHoliday(string Name, DateOnly From, DateOnly To);
