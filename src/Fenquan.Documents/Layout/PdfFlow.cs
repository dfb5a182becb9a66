using System.Globalization;
using System.Text;
using Fenquan.Documents.Fonts;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Fenquan.Documents.Layout;

/// <summary>
/// A small top-to-bottom text flow over A4 pages: wrapped paragraphs, label/value lines, table
/// rows and rules, with a page break when the next block does not fit. Text wraps between any two
/// Chinese characters and between Latin words (PDFsharp's own formatter breaks at spaces only,
/// which Chinese text does not have).
/// </summary>
internal sealed class PdfFlow : IDisposable
{
    public const double Left = 62;
    public const double Right = 62;
    public const double Top = 60;
    public const double Bottom = 64;

    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
    private readonly PdfDocument _document;
    private PdfPage _page = null!;
    private XGraphics _graphics = null!;
    private double _y;
    private bool _finished;

    public PdfFlow(PdfDocument document)
    {
        _document = document;
        NewPage();
    }

    public static XFont Font(double size, bool bold = false) =>
        new(CjkFont.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode);

    public double Width => _page.Width.Point - Left - Right;

    public void Space(double points) => _y += points;

    /// <summary>A wrapped paragraph starting <paramref name="indent"/> points in.</summary>
    public void Paragraph(string text, XFont font, double indent = 0, XBrush? brush = null, double after = 3)
    {
        var lines = Wrap(text, font, Width - indent);
        var height = LineHeight(font);
        foreach (var line in lines)
        {
            EnsureRoom(height);
            _graphics.DrawString(line, font, brush ?? XBrushes.Black, Left + indent, _y, XStringFormats.TopLeft);
            _y += height;
        }

        _y += after;
    }

    public void Centered(string text, XFont font, XBrush? brush = null, double after = 4)
    {
        var height = LineHeight(font);
        foreach (var line in Wrap(text, font, Width))
        {
            EnsureRoom(height);
            _graphics.DrawString(line, font, brush ?? XBrushes.Black, new XRect(Left, _y, Width, height), XStringFormats.TopCenter);
            _y += height;
        }

        _y += after;
    }

    /// <summary>A row of cells, each wrapped in its column: (text, x offset, width, font).</summary>
    public void Row(IReadOnlyList<(string Text, double X, double Width, XFont Font)> cells, XBrush? brush = null, double after = 2)
    {
        var wrapped = cells.Select(c => (Cell: c, Lines: Wrap(c.Text, c.Font, c.Width))).ToList();
        var height = wrapped.Max(w => w.Lines.Count * LineHeight(w.Cell.Font));
        EnsureRoom(Math.Min(height, MaxBlock));
        var top = _y;
        var bottom = top;
        foreach (var (cell, lines) in wrapped)
        {
            var y = top;
            var step = LineHeight(cell.Font);
            foreach (var line in lines)
            {
                if (y + step > PageBottom)
                {
                    // A cell longer than a page continues on the next one.
                    NewPage();
                    y = _y;
                    top = _y;
                }

                _graphics.DrawString(line, cell.Font, brush ?? XBrushes.Black, Left + cell.X, y, XStringFormats.TopLeft);
                y += step;
            }

            bottom = Math.Max(bottom, y);
        }

        _y = bottom + after;
    }

    /// <summary>A label in a fixed column and its wrapped value beside it.</summary>
    public void Labeled(string label, string value, XFont labelFont, XFont valueFont, double labelWidth = 78, double indent = 0) =>
        Row([(label, indent, labelWidth, labelFont), (value, indent + labelWidth, Width - indent - labelWidth, valueFont)]);

    public void Rule(double before = 2, double after = 8, double thickness = 0.6)
    {
        EnsureRoom(before + after);
        _y += before;
        _graphics.DrawLine(new XPen(XColors.Gray, thickness), Left, _y, Left + Width, _y);
        _y += after;
    }

    /// <summary>Starts a new page unless <paramref name="points"/> still fit on this one.</summary>
    public void KeepTogether(double points) => EnsureRoom(points);

    public static double LineHeight(XFont font) => font.Size * 1.55;

    /// <summary>Writes the footer on every page, then returns the document's bytes.</summary>
    public byte[] Finish(Func<int, int, string> pageLabel, string footerNote)
    {
        _graphics.Dispose();
        _finished = true;
        var font = Font(8);
        var pages = _document.Pages.Count;
        for (var i = 0; i < pages; i++)
        {
            var page = _document.Pages[i];
            using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var y = page.Height.Point - Bottom + 22;
            graphics.DrawLine(new XPen(XColors.LightGray, 0.5), Left, y - 6, page.Width.Point - Right, y - 6);
            graphics.DrawString(footerNote, font, XBrushes.Gray, Left, y, XStringFormats.TopLeft);
            graphics.DrawString(pageLabel(i + 1, pages), font, XBrushes.Gray, new XRect(Left, y, page.Width.Point - Left - Right, 12), XStringFormats.TopRight);
        }

        using var stream = new MemoryStream();
        _document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    public void Dispose()
    {
        if (!_finished)
        {
            _graphics.Dispose();
        }
    }

    /// <summary>
    /// Greedy line breaking: every CJK character is a break opportunity, Latin text breaks at
    /// spaces (a word longer than the line is cut), closing punctuation never starts a line.
    /// </summary>
    internal List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = new StringBuilder();
            double used = 0;
            foreach (var token in Tokens(paragraph))
            {
                var tokenWidth = _graphics.MeasureString(token, font).Width;
                var fits = used + tokenWidth <= width || (token.Length == 1 && IsClosingPunctuation(token[0]));
                if (!fits && line.Length > 0)
                {
                    lines.Add(line.ToString().TrimEnd());
                    line.Clear();
                    used = 0;
                    if (token == " ")
                    {
                        continue;
                    }
                }

                if (tokenWidth > width)
                {
                    // A single word wider than the line: cut it by characters.
                    foreach (var rune in token.EnumerateRunes())
                    {
                        var piece = rune.ToString();
                        var pieceWidth = _graphics.MeasureString(piece, font).Width;
                        if (used + pieceWidth > width && line.Length > 0)
                        {
                            lines.Add(line.ToString());
                            line.Clear();
                            used = 0;
                        }

                        line.Append(piece);
                        used += pieceWidth;
                    }

                    continue;
                }

                line.Append(token);
                used += tokenWidth;
            }

            lines.Add(line.ToString().TrimEnd());
        }

        return lines;
    }

    private static IEnumerable<string> Tokens(string text)
    {
        var word = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || IsCjk(rune))
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }

                yield return Rune.IsWhiteSpace(rune) ? " " : rune.ToString();
            }
            else
            {
                word.Append(rune.ToString());
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    // CJK ideographs, punctuation, kana, Hangul and full-width forms break anywhere.
    private static bool IsCjk(Rune rune) => rune.Value is >= 0x2E80 and <= 0x9FFF or >= 0xAC00 and <= 0xD7AF or >= 0xF900 and <= 0xFAFF or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFFEF or >= 0x20000;

    private static bool IsClosingPunctuation(char c) => "，。、；：？！）》」』】〕,.;:?!)".Contains(c, StringComparison.Ordinal);

    private const double MaxBlock = 200;

    private double PageBottom => _page.Height.Point - Bottom;

    private void EnsureRoom(double height)
    {
        if (_y + height > PageBottom)
        {
            NewPage();
        }
    }

    private void NewPage()
    {
        _graphics?.Dispose();
        _page = _document.AddPage();
        _page.Size = PdfSharp.PageSize.A4;
        _graphics = XGraphics.FromPdfPage(_page);
        _y = Top;
    }

}
