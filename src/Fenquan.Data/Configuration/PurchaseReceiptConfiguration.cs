using Fenquan.Core.Matters;
using Fenquan.Core.Procurement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fenquan.Data.Configuration;

/// <summary>The receipt (验收) of a purchase (R16): one per matter, read before every payment on it.</summary>
internal sealed class PurchaseReceiptConfiguration : IEntityTypeConfiguration<PurchaseReceipt>
{
    public void Configure(EntityTypeBuilder<PurchaseReceipt> receipt)
    {
        receipt.ToTable("purchase_receipts");
        receipt.HasKey(r => r.Id);
        receipt.Property(r => r.Note).HasMaxLength(PurchaseReceipt.MaxNote);
        receipt.HasIndex(r => new { r.CountyId, r.MatterId }).IsUnique();
        receipt.HasOne<Matter>().WithMany().HasForeignKey(r => r.MatterId).OnDelete(DeleteBehavior.Restrict);
    }
}
