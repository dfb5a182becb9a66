namespace Fenquan.Web.Pages;

/// <summary>
/// A bar chart drawn on the server as SVG by <c>_BarChart.cshtml</c>: one horizontal bar a row,
/// with the same numbers as a table beside it, so a screen reader and a phone read them as text.
/// </summary>
public sealed record BarChart(string Id, string Title, IReadOnlyList<BarChart.Bar> Bars)
{
    /// <summary>One bar: its label, its value, and where it links to (null: no link).</summary>
    public sealed record Bar(string Label, int Value, string? Href = null);

    /// <summary>The longest bar's value (at least 1, so an empty chart draws no bar).</summary>
    public int Max => Math.Max(1, Bars.Count == 0 ? 0 : Bars.Max(b => b.Value));

    public int Total => Bars.Sum(b => b.Value);
}
