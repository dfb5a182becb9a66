namespace Fenquan.Core.Primitives;

/// <summary>
/// One rule of SPEC.md as the code knows it: its id (<c>R43</c>), a one-line English title and the
/// Chinese term the specification gives for it, if any.
/// </summary>
public sealed record RuleDefinition(string Id, string Title, string? Chinese = null);
