using Fenquan.Core.Finance;
using Fenquan.Core.Matters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fenquan.Data.Configuration;

/// <summary>Reversals of payments under four eyes (R7): one per payment, read by matter.</summary>
internal sealed class PaymentReversalConfiguration : IEntityTypeConfiguration<PaymentReversal>
{
    public void Configure(EntityTypeBuilder<PaymentReversal> reversal)
    {
        reversal.ToTable("payment_reversals");
        reversal.HasKey(r => r.Id);
        reversal.Property(r => r.Reason).HasMaxLength(PaymentReversal.MaxReason);
        reversal.HasIndex(r => r.PaymentId).IsUnique(); // R7: a payment is reversed once
        reversal.HasIndex(r => new { r.CountyId, r.MatterId });
        reversal.HasOne<Payment>().WithMany().HasForeignKey(r => r.PaymentId).OnDelete(DeleteBehavior.Restrict);
        reversal.HasOne<Matter>().WithMany().HasForeignKey(r => r.MatterId).OnDelete(DeleteBehavior.Restrict);
    }
}
