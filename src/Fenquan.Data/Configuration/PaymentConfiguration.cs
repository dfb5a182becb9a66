using Fenquan.Core.Finance;
using Fenquan.Core.Matters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fenquan.Data.Configuration;

/// <summary>Payments on approved matters (R42, R43): read by matter for the timeline and the sum already paid.</summary>
internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> payment)
    {
        payment.ToTable("payments");
        payment.HasKey(p => p.Id);
        payment.Property(p => p.Reference).HasMaxLength(Payment.MaxReference);
        payment.ComplexProperty(p => p.Payee, payee => payee.Property(p => p.Name).HasMaxLength(200));
        payment.HasIndex(p => new { p.CountyId, p.MatterId });
        payment.HasIndex(p => new { p.CountyId, p.UnitId, p.PaidOn });
        payment.HasOne<Matter>().WithMany().HasForeignKey(p => p.MatterId).OnDelete(DeleteBehavior.Restrict);
    }
}
