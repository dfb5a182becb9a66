using Fenquan.Core.Matters;
using Fenquan.Core.Procurement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fenquan.Data.Configuration;

/// <summary>The centre's or tender's result of a catalogue purchase (R18): one per matter, read by matter and by the OCDS export.</summary>
internal sealed class PurchaseResultConfiguration : IEntityTypeConfiguration<PurchaseResult>
{
    public void Configure(EntityTypeBuilder<PurchaseResult> result)
    {
        result.ToTable("purchase_results");
        result.HasKey(r => r.Id);
        result.Property(r => r.Reference).HasMaxLength(PurchaseResult.MaxReference);
        result.ComplexProperty(r => r.Supplier, supplier => supplier.Property(p => p.Name).HasMaxLength(200));
        result.HasIndex(r => new { r.CountyId, r.MatterId }).IsUnique();
        result.HasIndex(r => new { r.CountyId, r.ResultOn });
        result.HasOne<Matter>().WithMany().HasForeignKey(r => r.MatterId).OnDelete(DeleteBehavior.Restrict);
    }
}
