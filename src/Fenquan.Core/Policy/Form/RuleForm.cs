namespace Fenquan.Core.Policy.Form;

/// <summary>
/// One rule of the policy form: which matters it covers (carried through the form as it came, the
/// amount band editable) and its route, the ordered steps with their actors.
/// </summary>
public sealed class RuleForm
{
    public string? Id { get; set; }

    /// <summary>An <see cref="Organization.Area"/> name.</summary>
    public string? Area { get; set; }

    /// <summary>A <see cref="MatterKind"/> name.</summary>
    public string? Kind { get; set; }

    /// <summary><see cref="InitiatorKind"/> names, comma-separated.</summary>
    public string? Initiators { get; set; }

    /// <summary>The lower bound (exclusive): empty for none, S, P, C or an amount in yuan.</summary>
    public string? Above { get; set; }

    /// <summary>The upper bound (inclusive): empty for none, S, P, C or an amount in yuan.</summary>
    public string? UpTo { get; set; }

    /// <summary><see cref="MatterFlags"/> names, comma-separated.</summary>
    public string? RequiredFlags { get; set; }

    /// <summary><see cref="MatterFlags"/> names, comma-separated.</summary>
    public string? ExcludedFlags { get; set; }

    /// <summary>The SPEC rule ids the route implements, comma-separated.</summary>
    public string? Cites { get; set; }

    public List<StepForm> Steps { get; set; } = [];
}
