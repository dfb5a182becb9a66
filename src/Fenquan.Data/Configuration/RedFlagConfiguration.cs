using Fenquan.Core.Flags;
using Fenquan.Core.Matters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fenquan.Data.Configuration;

/// <summary>Red flags (R47), read by matter for its page and by unit for the counts.</summary>
internal sealed class RedFlagConfiguration : IEntityTypeConfiguration<RedFlag>
{
    public void Configure(EntityTypeBuilder<RedFlag> flag)
    {
        flag.ToTable("red_flags");
        flag.HasKey(f => f.Id);
        flag.Ignore(f => f.IsCleared);
        flag.Ignore(f => f.RelatedMatters);
        flag.Property(f => f.Related).HasMaxLength(4000);
        flag.Property(f => f.ClearReason).HasMaxLength(RedFlag.MaxReason);
        flag.HasIndex(f => new { f.CountyId, f.MatterId });
        flag.HasIndex(f => new { f.CountyId, f.UnitId, f.RaisedAt });
        flag.HasOne<Matter>().WithMany().HasForeignKey(f => f.MatterId).OnDelete(DeleteBehavior.Restrict);
    }
}
