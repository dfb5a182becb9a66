using Fenquan.Core.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using DelegationRow = Fenquan.Core.Delegation.Delegation;
using DelegationId = Fenquan.Core.Delegation.DelegationId;

namespace Fenquan.Data.Configuration;

/// <summary>delegations (代理): kept for history; revoked rows stay with their <c>RevokedAt</c>.</summary>
internal sealed class DelegationConfiguration : IEntityTypeConfiguration<DelegationRow>
{
    public void Configure(EntityTypeBuilder<DelegationRow> delegation)
    {
        delegation.ToTable("delegations");
        delegation.HasKey(d => d.Id);
        delegation.Property(d => d.Id).HasConversion(new ValueConverter<DelegationId, Guid>(id => id.Value, value => new DelegationId(value)));
        delegation.HasIndex(d => new { d.CountyId, d.DelegateId });
        delegation.HasIndex(d => new { d.CountyId, d.UnitId, d.DelegatorId });

        // The areas as "Finance,Procurement" (empty: every area), in order, so the ledger snapshot is stable.
        delegation.Property(d => d.Areas)
            .HasConversion(
                new ValueConverter<IReadOnlyList<Area>, string>(
                    areas => string.Join(',', areas),
                    text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<Area>).ToList()),
                new ValueComparer<IReadOnlyList<Area>>((a, b) => a!.SequenceEqual(b!), a => a.Aggregate(0, (h, x) => HashCode.Combine(h, x)), a => a.ToList()))
            .HasMaxLength(200);
    }
}
