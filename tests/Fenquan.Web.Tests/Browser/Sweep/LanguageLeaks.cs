using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Fenquan.Web.Tests.Browser.Sweep;

/// <summary>
/// The words of a page that are in the other language. The text read is what the viewer sees,
/// without user data — elements marked <c>data-user</c> (names, titles, unit names, what people
/// typed) — and without the technical details inside a <c>&lt;details class="technical"&gt;</c>
/// (hashes, JSON). Everything else must be in the page's language but for the small allow-list.
/// </summary>
public static partial class LanguageLeaks
{
    /// <summary>Latin words a Chinese page may show: formats, standards and the name of the other language on the switch.</summary>
    public static readonly IReadOnlySet<string> LatinAllowed = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "PDF", "API", "Excel", "CSV", "XLSX", "JSON", "PNG", "JPEG", "OCDS", "OCID", "MiB", "English",
    };

    /// <summary>Chinese words an English page may show: the name of the other language on the switch.</summary>
    public static readonly IReadOnlySet<string> HanAllowed = new HashSet<string>(StringComparer.Ordinal) { "中文" };

    /// <summary>What the viewer sees of the page, less user data and technical details, one text node a line.</summary>
    private const string VisibleText = """
        () => {
          const excluded = '[data-user], .technical, textarea, script, style, noscript';
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          const parts = [];
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const parent = node.parentElement;
            if (!parent || parent.closest(excluded) || !parent.checkVisibility({ visibilityProperty: true })) continue;
            const text = node.nodeValue.trim();
            if (text) parts.push(text);
          }
          for (const input of document.querySelectorAll('input[placeholder], textarea[placeholder], input[type=submit], input[type=button]')) {
            if (input.closest(excluded) || !input.checkVisibility()) continue;
            parts.push(input.placeholder || input.value);
          }
          return parts.join('\n');
        }
        """;

    public static Task<string> TextAsync(IPage page) => page.EvaluateAsync<string>(VisibleText);

    /// <summary>The words of the text that are not in the language: Latin runs of three letters or more on a Chinese page, Han characters on an English one.</summary>
    public static IReadOnlyList<string> Find(string text, string language) => language == "en"
        ? [.. Han().Matches(text).Select(m => m.Value).Where(w => !HanAllowed.Contains(w)).Distinct()]
        : [.. Latin().Matches(OcdsId().Replace(text, string.Empty)).Select(m => m.Value).Where(w => !LatinAllowed.Contains(w)).Distinct()];

    [GeneratedRegex(@"[A-Za-z]{3,}")]
    private static partial Regex Latin();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}+")]
    private static partial Regex Han();

    /// <summary>OCDS ids (ocds-fq0000-…) and prefixes are codes, not words.</summary>
    [GeneratedRegex(@"\bocds-[a-z0-9]{6}(-[A-Za-z0-9-]+)?")]
    private static partial Regex OcdsId();
}
