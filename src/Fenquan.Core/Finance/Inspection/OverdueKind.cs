namespace Fenquan.Core.Finance.Inspection;

/// <summary>What the county's discipline inspection is shown as missed (R8, R25).</summary>
public enum OverdueKind
{
    /// <summary>A period with paid claims whose sample was never drawn, past the time its findings would have been due.</summary>
    NotDrawn,

    /// <summary>A drawn claim without a finding after the inspection's deadline.</summary>
    Inspection,

    /// <summary>A drawn claim no one without an interest could be assigned.</summary>
    Unassigned,

    /// <summary>A rectification not closed by its deadline.</summary>
    Rectification,
}
