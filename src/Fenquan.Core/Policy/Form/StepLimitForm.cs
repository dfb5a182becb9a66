namespace Fenquan.Core.Policy.Form;

/// <summary>R46: one row of the policy form's step time limits: the default, or one kind of step (empty days: the default applies).</summary>
public sealed class StepLimitForm
{
    /// <summary><see cref="PolicyJson.DefaultStepLimit"/> or a <see cref="StepKind"/> name.</summary>
    public string? Kind { get; set; }

    public string? Days { get; set; }

    /// <summary>A <see cref="Calendar.DayCount"/> name.</summary>
    public string? Count { get; set; }

    public string? WarningPercent { get; set; }
}
