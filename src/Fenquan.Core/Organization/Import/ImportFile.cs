namespace Fenquan.Core.Organization.Import;

/// <summary>
/// A file to import as the core reads it: its sheets, each of one kind, with rows of unparsed cells
/// keyed by the template's column headers. Row numbers are the sheet's own (the header is row 1).
/// </summary>
public sealed record ImportFile(IReadOnlyList<ImportSheet> Sheets)
{
    public ImportSheet? Sheet(ImportKind kind) => Sheets.FirstOrDefault(s => s.Kind == kind);
}

/// <summary>One sheet (or one .csv) of an import: its kind, the name people see it by, and its rows.</summary>
public sealed record ImportSheet(ImportKind Kind, string Name, IReadOnlyList<ImportRow> Rows);

/// <summary>A row of a sheet: its number in the sheet and its cells by column header (blank cells absent or null).</summary>
public sealed record ImportRow(int Number, IReadOnlyDictionary<string, string?> Cells)
{
    /// <summary>The cell's text trimmed; null when blank or absent.</summary>
    public string? this[string column] => Cells.TryGetValue(column, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}

/// <summary>A row the import refused: where it is (sheet, row, column) and the rule that refuses it.</summary>
public sealed record ImportProblem(string Sheet, int Row, string? Column, Primitives.Refusal Refusal)
{
    public override string ToString() => Column is null ? $"{Sheet} row {Row}: {Refusal}" : $"{Sheet} row {Row}, {Column}: {Refusal}";
}
