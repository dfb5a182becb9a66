using Fenquan.Data.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fenquan.Data.Configuration;

internal sealed class CosignatureRowConfiguration : IEntityTypeConfiguration<CosignatureRow>
{
    public void Configure(EntityTypeBuilder<CosignatureRow> cosignature)
    {
        cosignature.ToTable("checkpoint_cosignatures");
        cosignature.HasKey(c => new { c.CountyId, c.TreeSize, c.Witness });
        cosignature.Property(c => c.Witness).HasMaxLength(200);
        cosignature.Property(c => c.Line).HasMaxLength(400);
    }
}
