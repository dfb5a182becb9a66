namespace Fenquan.Web.Tests.Browser;

/// <summary>
/// The browser tests drive Chromium against a real server: they run one at a time, after the
/// parallel tests, so a loaded two-core machine does not starve them into time-outs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection
{
    public const string Name = "Browser";

    /// <summary>Generous per-action time-out for a loaded CI machine (Playwright's default is 30 s).</summary>
    public const float TimeoutMs = 90_000;
}
