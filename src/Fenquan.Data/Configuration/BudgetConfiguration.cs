using Fenquan.Core.Finance;
using Fenquan.Core.Matters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fenquan.Data.Configuration;

/// <summary>A unit's budget for a year (R4, R5): one per unit and year, which the unique key enforces as well as the core.</summary>
internal sealed class BudgetConfiguration : IEntityTypeConfiguration<Budget>
{
    public void Configure(EntityTypeBuilder<Budget> budget)
    {
        budget.ToTable("budgets");
        budget.HasKey(b => b.Id);
        budget.Property(b => b.Document).HasMaxLength(Budget.MaxDocument);
        budget.HasIndex(b => new { b.CountyId, b.UnitId, b.Year }).IsUnique();
        budget.HasMany(b => b.Lines).WithOne().HasForeignKey(l => l.BudgetId);
        budget.Navigation(b => b.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

/// <summary>A budget's lines, read by unit, year and code.</summary>
internal sealed class BudgetLineConfiguration : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> line)
    {
        line.ToTable("budget_lines");
        line.HasKey(l => l.Id);
        line.Property(l => l.Code).HasMaxLength(10);
        line.Property(l => l.Name).HasMaxLength(BudgetLine.MaxName);
        line.HasIndex(l => new { l.CountyId, l.UnitId, l.Year, l.Code });
        line.HasIndex(l => new { l.BudgetId, l.Code }).IsUnique();
    }
}

/// <summary>The budget line each money matter is charged to (R4): read by line for its position, and by matter.</summary>
internal sealed class BudgetChargeConfiguration : IEntityTypeConfiguration<BudgetCharge>
{
    public void Configure(EntityTypeBuilder<BudgetCharge> charge)
    {
        charge.ToTable("budget_charges");
        charge.HasKey(c => c.Id);
        charge.Property(c => c.Code).HasMaxLength(10);
        charge.HasIndex(c => new { c.CountyId, c.MatterId }).IsUnique();
        charge.HasIndex(c => new { c.CountyId, c.BudgetLineId });
        charge.HasIndex(c => new { c.CountyId, c.UnitId, c.Year });
        charge.HasOne<Matter>().WithMany().HasForeignKey(c => c.MatterId).OnDelete(DeleteBehavior.Restrict);
        charge.HasOne<BudgetLine>().WithMany().HasForeignKey(c => c.BudgetLineId).OnDelete(DeleteBehavior.Restrict);
    }
}
