using Fenquan.Core.Matters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fenquan.Data.Configuration;

/// <summary>
/// Indexes for the workbench at a million matters (the mapping itself is in
/// <see cref="FenquanDbContext"/>). Matter ids are Guid v7, so newest first is id descending:
/// the unit's list and "my submissions" read the first page straight off an index in id order
/// instead of sorting all of a unit's (or a person's) matters.
/// </summary>
internal sealed class MatterIndexConfiguration : IEntityTypeConfiguration<Matter>
{
    public void Configure(EntityTypeBuilder<Matter> matter)
    {
        matter.HasIndex(m => new { m.CountyId, m.UnitId, m.Id });
        matter.HasIndex(m => new { m.CountyId, m.InitiatorId, m.Id });
    }
}

/// <summary>"Matters I acted on", newest first, for people who do not see their whole unit.</summary>
internal sealed class MatterActionIndexConfiguration : IEntityTypeConfiguration<MatterAction>
{
    public void Configure(EntityTypeBuilder<MatterAction> action) =>
        action.HasIndex(a => new { a.CountyId, a.ActorId, a.MatterId });
}
