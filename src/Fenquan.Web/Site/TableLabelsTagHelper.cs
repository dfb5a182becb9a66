using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Fenquan.Web.Site;

/// <summary>
/// Gives every body cell of a page's tables a <c>data-label</c> with its column's header text, so
/// that below 600 px (site.css) a table turns into one card a row with each value labelled, and no
/// page repeats its headers by hand. The headers are the <c>th</c> cells of the table's
/// <c>thead</c> (colspan counted); a cell that has its own <c>data-label</c> keeps it, and a table
/// marked <c>data-labels="off"</c> is left alone. Script-free: the labels are in the HTML.
/// </summary>
[HtmlTargetElement("table")]
public sealed partial class TableLabelsTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (output.Attributes.TryGetAttribute("data-labels", out var off) && string.Equals(off.Value?.ToString(), "off", StringComparison.Ordinal))
        {
            return;
        }

        var html = (await output.GetChildContentAsync()).GetContent();
        output.Content.SetHtmlContent(Labelled(html));
    }

    /// <summary>The table's inner HTML with <c>data-label</c> on each body cell (unchanged when it has no header row).</summary>
    public static string Labelled(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var head = Head().Match(html);
        if (!head.Success)
        {
            return html;
        }

        var labels = new List<string>();
        foreach (Match cell in HeaderCell().Matches(head.Value))
        {
            var text = WebUtility.HtmlDecode(Tags().Replace(cell.Groups["text"].Value, string.Empty));
            var label = WebUtility.HtmlEncode(Spaces().Replace(text, " ").Trim());
            labels.AddRange(Enumerable.Repeat(label, Span(cell.Groups["attributes"].Value)));
        }

        var body = new StringBuilder(html.Length + (html.Length / 4));
        body.Append(html, 0, head.Index + head.Length);
        var rest = html[(head.Index + head.Length)..];
        body.Append(Row().Replace(rest, row =>
        {
            var column = 0;
            return BodyCell().Replace(row.Value, cell =>
            {
                var attributes = cell.Groups["attributes"].Value;
                var at = column;
                column += Span(attributes);
                return at >= labels.Count || labels[at].Length == 0 || attributes.Contains("data-label", StringComparison.Ordinal)
                    ? cell.Value
                    : $"<{cell.Groups["tag"].Value} data-label=\"{labels[at]}\"{attributes}>";
            });
        }));
        return body.ToString();
    }

    private static int Span(string attributes) =>
        ColSpan().Match(attributes) is { Success: true } span && int.TryParse(span.Groups[1].Value, out var n) && n is > 0 and < 100 ? n : 1;

    [GeneratedRegex(@"<thead\b.*?</thead>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Head();

    [GeneratedRegex(@"<th\b(?<attributes>[^>]*)>(?<text>.*?)</th>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex HeaderCell();

    [GeneratedRegex(@"<tr\b.*?</tr>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Row();

    [GeneratedRegex(@"<(?<tag>td|th)\b(?<attributes>[^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex BodyCell();

    [GeneratedRegex(@"\bcolspan\s*=\s*""?(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex ColSpan();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
