using System.Globalization;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Finance;

/// <summary>
/// A unit's budget for a year, by line (R4, R5): imported from the finance bureau's approval
/// (预算批复) by the unit's finance staff or finance deputy, and in force only once a second
/// official — the finance deputy or a principal, never the importer — confirms it, so no one person
/// sets it. One budget per unit and year; a confirmed budget is never edited.
/// </summary>
public sealed class Budget
{
    public const int MaxDocument = 100;

    private readonly List<BudgetLine> _lines = [];

    private Budget()
    {
        Document = string.Empty;
    }

    private Budget(CountyId county, UnitId unit, int year, string document, PersonId importedBy, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        CountyId = county;
        UnitId = unit;
        Year = year;
        Document = document;
        ImportedBy = importedBy;
        ImportedAt = now;
        State = BudgetState.Pending;
    }

    public Guid Id { get; private set; }

    public CountyId CountyId { get; private set; }

    public UnitId UnitId { get; private set; }

    public int Year { get; private set; }

    /// <summary>The approval's document number (批复文号) or file name.</summary>
    public string Document { get; private set; }

    public BudgetState State { get; private set; }

    public PersonId ImportedBy { get; private set; }

    public DateTimeOffset ImportedAt { get; private set; }

    public PersonId? ConfirmedBy { get; private set; }

    public DateTimeOffset? ConfirmedAt { get; private set; }

    public IReadOnlyList<BudgetLine> Lines => _lines;

    /// <summary>
    /// Imports the sheet's rows as the unit's pending budget for <paramref name="year"/>. Checked in
    /// this order: the importer is the unit's finance staff or its finance deputy today (R5); the
    /// unit has no budget for the year yet (<paramref name="existing"/>: a confirmed one is raised by a
    /// budget adjustment, never re-imported); every cell of the sheet is good (all or nothing).
    /// </summary>
    public static Result<Budget> Import(CountyId county, UnitId unit, int year, string? document, IReadOnlyList<BudgetSheetRow> rows, PersonId importedBy, Budget? existing, IOrganizationView org, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(org);
        var today = ChinaTime.DateOf(now);
        if (!org.HoldsRole(unit, importedBy, Role.FinanceStaff, today) && org.DeputyInCharge(unit, Area.Finance, today) != importedBy)
        {
            return Refusal.Because("R5", "BudgetImporter", "{person} is neither finance staff nor the finance deputy of the unit on {date}; they import the budget approval.",
                ("person", org.NameOf(importedBy)), ("date", Day(today)));
        }

        if (existing is not null)
        {
            return Refusal.Because("R5", "BudgetExists", "The unit's {year} budget is already imported ({state}); a line is raised by a budget adjustment, not a second import.",
                ("year", year.ToString(CultureInfo.InvariantCulture)), ("state", existing.State.ToString()));
        }

        var name = document?.Trim() ?? string.Empty;
        if (year is < 2000 or > 2100 || name.Length is 0 or > MaxDocument)
        {
            return Refusal.Because(Refusal.InvalidId, "BudgetDocument", "A budget names its year and the approval's document number (at most {max} characters).", ("max", MaxDocument.ToString(CultureInfo.InvariantCulture)));
        }

        var (lines, problems) = BudgetSheet.Check(rows);
        if (problems.Count > 0)
        {
            return BudgetSheet.Refused(problems);
        }

        var budget = new Budget(county, unit, year, name, importedBy, now);
        budget._lines.AddRange(lines.Select(l => new BudgetLine(budget, l.Code, l.Name, l.Amount)));
        return Result<Budget>.Ok(budget);
    }

    /// <summary>
    /// R5, four eyes: a second official confirms the imported budget — the unit's finance deputy or
    /// a principal today, and never the person who imported it. Then it is in force.
    /// </summary>
    public Outcome Confirm(PersonId by, IOrganizationView org, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(org);
        if (by == ImportedBy)
        {
            return Refusal.Because("R5", "BudgetFourEyes", "{person} imported the {year} budget; a second official confirms it, so no one person sets it.",
                ("person", org.NameOf(by)), ("year", Year.ToString(CultureInfo.InvariantCulture)));
        }

        var today = ChinaTime.DateOf(now);
        if (org.DeputyInCharge(UnitId, Area.Finance, today) != by && !org.HoldsRole(UnitId, by, Role.Principal, today))
        {
            return Refusal.Because("R5", "BudgetConfirmer", "{person} is neither the finance deputy nor a principal of the unit on {date}; one of them confirms the budget.",
                ("person", org.NameOf(by)), ("date", Day(today)));
        }

        if (State != BudgetState.Pending)
        {
            return Refusal.Because("R5", "BudgetConfirmedOnce", "The {year} budget is already confirmed.", ("year", Year.ToString(CultureInfo.InvariantCulture)));
        }

        State = BudgetState.Confirmed;
        ConfirmedBy = by;
        ConfirmedAt = now;
        return Outcome.Ok;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
