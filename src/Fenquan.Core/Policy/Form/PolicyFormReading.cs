using Fenquan.Core.Primitives;

namespace Fenquan.Core.Policy.Form;

/// <summary>What a <see cref="PolicyForm"/> read as: the policy, or (null) each bad field by its form path with why.</summary>
public sealed record PolicyFormReading(PolicyDocument? Document, IReadOnlyDictionary<string, Refusal> Errors)
{
    public bool IsOk => Document is not null;
}
