namespace Fenquan.Core.Organization.Import;

/// <summary>The kinds of rows an organisation import brings in: one sheet of an .xlsx, or one .csv, each.</summary>
public enum ImportKind
{
    Units,
    Sections,
    People,
    Memberships,
    Portfolios,
    Catalogue,
    ApprovalItems,
    Counterparties,
}
