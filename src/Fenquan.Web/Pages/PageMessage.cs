using System.Text.Encodings.Web;
using Fenquan.Core.Primitives;
using Fenquan.Documents.Language;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages;

/// <summary>
/// A message shown on a page: plain text, or a refusal worded in the viewer's language with its rule
/// as a link to the rule's explanation ("<a href="/rules/R43">规则 R43（集体决策）</a>：…"). Pages
/// assign text or a refusal alike; Razor writes it encoded, the link being the only markup.
/// </summary>
public sealed class PageMessage : IHtmlContent
{
    private readonly string _text;
    private readonly string? _ruleId;
    private readonly string? _ruleLabel;
    private readonly string? _joined;

    private PageMessage(string text, string? ruleId = null, string? ruleLabel = null, string? joined = null)
    {
        _text = text;
        _ruleId = ruleId;
        _ruleLabel = ruleLabel;
        _joined = joined;
    }

    /// <summary>A refusal in the current UI culture, its rule a link to <c>/rules/{id}</c>.</summary>
    public static PageMessage Of(Refusal refusal, RefusalText words)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        ArgumentNullException.ThrowIfNull(words);
        var message = words.Message(refusal);
        return words.RuleLabel(refusal.RuleId) is { } label
            ? new PageMessage(message, refusal.RuleId, label, words.RuleMessageTemplate)
            : new PageMessage(message);
    }

    public static implicit operator PageMessage(string text) => new(text);

    public static implicit operator PageMessage(LocalizedString text) => new(text?.Value ?? string.Empty);

    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(encoder);
        if (_joined is null)
        {
            encoder.Encode(writer, _text);
            return;
        }

        var link = $"<a class=\"rule-link\" href=\"/rules/{encoder.Encode(_ruleId!)}\">{encoder.Encode(_ruleLabel!)}</a>";
        var at = 0;
        foreach (System.Text.RegularExpressions.Match part in System.Text.RegularExpressions.Regex.Matches(_joined, @"\{(rule|message)\}"))
        {
            encoder.Encode(writer, _joined[at..part.Index]);
            if (part.Groups[1].Value == "rule")
            {
                writer.Write(link);
            }
            else
            {
                encoder.Encode(writer, _text);
            }

            at = part.Index + part.Length;
        }

        encoder.Encode(writer, _joined[at..]);
    }

    /// <summary>The message as plain text, with the rule's label where the page shows the link.</summary>
    public override string ToString() =>
        _joined is null ? _text : _joined.Replace("{rule}", _ruleLabel, StringComparison.Ordinal).Replace("{message}", _text, StringComparison.Ordinal);
}
