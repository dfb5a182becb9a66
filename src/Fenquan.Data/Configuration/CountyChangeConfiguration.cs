using Fenquan.Core.CountyChanges;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fenquan.Data.Configuration;

/// <summary>
/// Changes to route-deciding county data under four eyes (R40): one row per proposal, its
/// confirmation on the same row; a subject's confirmed rows are its version history (the
/// procurement catalogue, the approval-item register, the bounds). Ledgered like every row.
/// </summary>
internal sealed class CountyChangeConfiguration : IEntityTypeConfiguration<CountyChange>
{
    public void Configure(EntityTypeBuilder<CountyChange> change)
    {
        change.ToTable("county_changes");
        change.HasKey(c => c.Id);
        change.HasIndex(c => new { c.CountyId, c.Subject, c.SubjectId, c.Number }).IsUnique();
        change.Property(c => c.Summary).HasMaxLength(CountyChange.MaxSummary);
        change.Property(c => c.ProposedBy).HasMaxLength(256);
        change.Property(c => c.ProposedByName).HasMaxLength(256);
        change.Property(c => c.ConfirmedBy).HasMaxLength(256);
        change.Property(c => c.ConfirmedByName).HasMaxLength(256);
        change.Ignore(c => c.IsInForce);
        change.Ignore(c => c.WaitingFor);
    }
}
