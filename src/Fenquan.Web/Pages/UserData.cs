using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;

namespace Fenquan.Web.Pages;

/// <summary>
/// A value people entered — a name, a title, a reason — inside a translated sentence. It renders in
/// a <c>data-user</c> span: it stays in the language it was written in, and the language sweep
/// (PageSweepTests) leaves exactly these spans out when it looks for words of the other language.
/// </summary>
public sealed record UserData(object? Value)
{
    /// <summary>As the pages encode (FenquanWeb's WebEncoderOptions): Chinese stays as it is, markup is escaped.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The template (a resource's text with {0}, {1}…) with its arguments, each encoded, user data marked, markup kept.</summary>
    public static IHtmlContent Sentence(string template, params object?[] args)
    {
        var encoder = Encoder;

        var parts = args.Select(a => a switch
        {
            UserData user => "<span data-user>" + encoder.Encode(Convert.ToString(user.Value, CultureInfo.CurrentCulture) ?? string.Empty) + "</span>",
            HtmlString html => html.Value,
            _ => encoder.Encode(Convert.ToString(a, CultureInfo.CurrentCulture) ?? string.Empty),
        }).ToArray<object?>();

        return new HtmlString(string.Format(CultureInfo.CurrentCulture, encoder.Encode(template), parts));
    }
}
