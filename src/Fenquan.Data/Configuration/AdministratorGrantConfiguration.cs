using Fenquan.Core.CountyAdministration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fenquan.Data.Configuration;

/// <summary>
/// Grants and revocations of county administration under four eyes (R40): one row per proposal,
/// its confirmation on the same row. Ledgered like every row; the sign-in accounts follow the
/// confirmed rows.
/// </summary>
internal sealed class AdministratorGrantConfiguration : IEntityTypeConfiguration<AdministratorGrant>
{
    public void Configure(EntityTypeBuilder<AdministratorGrant> grant)
    {
        grant.ToTable("administrator_grants");
        grant.HasKey(g => g.Id);
        grant.HasIndex(g => new { g.CountyId, g.Account });
        grant.Property(g => g.Account).HasMaxLength(256);
        grant.Property(g => g.ProposedBy).HasMaxLength(256);
        grant.Property(g => g.ProposedByName).HasMaxLength(256);
        grant.Property(g => g.ConfirmedBy).HasMaxLength(256);
        grant.Property(g => g.ConfirmedByName).HasMaxLength(256);
    }
}
