using Fenquan.Core.Finance;
using Fenquan.Core.Matters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fenquan.Data.Configuration;

/// <summary>An expense claim's line items (R4), read by matter.</summary>
internal sealed class ClaimLineConfiguration : IEntityTypeConfiguration<ClaimLine>
{
    public void Configure(EntityTypeBuilder<ClaimLine> line)
    {
        line.ToTable("claim_lines");
        line.HasKey(l => l.Id);
        line.Property(l => l.Category).HasMaxLength(ClaimLine.MaxCategory);
        line.Property(l => l.Quantity).HasPrecision(18, 4);
        line.HasIndex(l => new { l.CountyId, l.MatterId, l.Number }).IsUnique();
        line.HasOne<Matter>().WithMany().HasForeignKey(l => l.MatterId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Invoices on claims (R8): one invoice is on one claim of the county, which the unique key enforces as well as the core.</summary>
internal sealed class VoucherConfiguration : IEntityTypeConfiguration<Voucher>
{
    public void Configure(EntityTypeBuilder<Voucher> voucher)
    {
        voucher.ToTable("vouchers");
        voucher.HasKey(v => v.Id);
        voucher.Property(v => v.InvoiceCode).HasMaxLength(12);
        voucher.Property(v => v.Number).HasMaxLength(20);
        voucher.Property(v => v.Key).HasMaxLength(40);
        voucher.HasIndex(v => new { v.CountyId, v.Key }).IsUnique();
        voucher.HasIndex(v => new { v.CountyId, v.MatterId });
        voucher.HasOne<Matter>().WithMany().HasForeignKey(v => v.MatterId).OnDelete(DeleteBehavior.Restrict);
    }
}
