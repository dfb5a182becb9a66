using PdfSharp.Fonts;

namespace Fenquan.Documents.Fonts;

/// <summary>
/// The one font Fenquan's PDFs use: a single-face TrueType font that covers Chinese and Latin.
/// By default face 0 ("WenQuanYi Zen Hei") of Debian's fonts-wqy-zenhei collection, extracted in
/// memory at first use and cached; <c>FENQUAN_PDF_FONT</c> or <see cref="Configure"/> names another
/// .ttf (or .ttc, whose face 0 is taken). Nothing is copied into the repository.
/// <para>
/// Licence: WenQuanYi Zen Hei is GPLv2 with a font-embedding exception — a document that embeds
/// (a subset of) it, as these PDFs do, is not thereby covered by the GPL. See docs/documents.md.
/// </para>
/// </summary>
public static class CjkFont
{
    /// <summary>The family name documents ask PDFsharp for.</summary>
    public const string Family = "Fenquan CJK";

    /// <summary>Where Debian's fonts-wqy-zenhei package installs the collection.</summary>
    public const string DebianPath = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";

    /// <summary>The environment variable naming another font file.</summary>
    public const string EnvironmentVariable = "FENQUAN_PDF_FONT";

    private const string FaceName = "fenquan-cjk";
    private static readonly Lock Gate = new();
    private static string? _configuredPath;
    private static byte[]? _font;
    private static bool _registered;

    /// <summary>Uses the font at <paramref name="path"/> (.ttf, or .ttc face 0) instead of the default. Call before the first document.</summary>
    public static void Configure(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        lock (Gate)
        {
            _configuredPath = path;
            _font = null;
        }
    }

    /// <summary>The font file that will be used, or null when none is installed.</summary>
    public static string? Locate()
    {
        string?[] candidates = [_configuredPath, Environment.GetEnvironmentVariable(EnvironmentVariable), DebianPath];
        return candidates.FirstOrDefault(path => !string.IsNullOrWhiteSpace(path) && File.Exists(path));
    }

    /// <summary>Whether a font is available (for tests and health checks).</summary>
    public static bool IsAvailable => Locate() is not null;

    /// <summary>Registers the font resolver with PDFsharp (once per process) and loads the font.</summary>
    internal static void EnsureRegistered()
    {
        lock (Gate)
        {
            _font ??= Load();
            if (_registered)
            {
                return;
            }

            // PDFsharp takes one resolver per process, set before any font is used. Another part
            // of the application may have set its own: ours answers for our family and asks it for the rest.
            var previous = GlobalFontSettings.FontResolver;
            if (previous is not Resolver)
            {
                GlobalFontSettings.FontResolver = new Resolver(previous);
            }

            _registered = true;
        }
    }

    private static byte[] Load() => Read(Locate());

    /// <summary>The font at <paramref name="path"/> as a single face; null: the error naming the package to install.</summary>
    internal static byte[] Read(string? path)
    {
        if (path is null)
        {
            throw new FileNotFoundException(
            $"No font with Chinese characters for PDF documents: {DebianPath} is missing. Install the Debian package fonts-wqy-zenhei "
            + $"(apt-get install fonts-wqy-zenhei), or set {EnvironmentVariable} to a single-face TrueType font (.ttf) or a collection (.ttc) covering Chinese and Latin.",
            DebianPath);
        }

        var bytes = File.ReadAllBytes(path);
        return TrueTypeCollection.IsCollection(bytes) ? TrueTypeCollection.ExtractFace(bytes, 0) : bytes;
    }

    private sealed class Resolver(IFontResolver? previous) : IFontResolver
    {
        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
        {
            if (!string.Equals(familyName, Family, StringComparison.OrdinalIgnoreCase))
            {
                return previous?.ResolveTypeface(familyName, bold, italic);
            }

            // The font has one regular face: bold is simulated by PDFsharp.
            return new FontResolverInfo(FaceName, bold ? PdfSharp.Drawing.XStyleSimulations.BoldSimulation : PdfSharp.Drawing.XStyleSimulations.None);
        }

        public byte[]? GetFont(string faceName) => faceName == FaceName ? _font : previous?.GetFont(faceName);
    }
}
