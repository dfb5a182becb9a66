using Fenquan.Core.Finance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fenquan.Data.Configuration;

/// <summary>A unit's recorded income (R9), read by unit and day for the quarterly statement.</summary>
internal sealed class IncomeConfiguration : IEntityTypeConfiguration<Income>
{
    public void Configure(EntityTypeBuilder<Income> income)
    {
        income.ToTable("income");
        income.HasKey(i => i.Id);
        income.Property(i => i.Source).HasMaxLength(Income.MaxText);
        income.Property(i => i.Voucher).HasMaxLength(Income.MaxText);
        income.HasIndex(i => new { i.CountyId, i.UnitId, i.ReceivedOn });
    }
}
