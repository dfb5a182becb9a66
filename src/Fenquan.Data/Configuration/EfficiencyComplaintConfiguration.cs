using Fenquan.Core.Organization;
using Fenquan.Core.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fenquan.Data.Configuration;

/// <summary>Efficiency complaints (R32): one row each, routed when filed; the follow-up code only as its hash. Ledgered like every row.</summary>
internal sealed class EfficiencyComplaintConfiguration : IEntityTypeConfiguration<EfficiencyComplaint>
{
    public void Configure(EntityTypeBuilder<EfficiencyComplaint> complaint)
    {
        complaint.ToTable("efficiency_complaints");
        complaint.HasKey(c => c.Id);
        complaint.HasIndex(c => c.ReceiptNumber).IsUnique();
        complaint.HasIndex(c => new { c.CountyId, c.HandlerId });
        complaint.HasIndex(c => new { c.CountyId, c.UnitId });
        complaint.HasIndex(c => c.ApplicationId);
        complaint.Property(c => c.ReceiptNumber).HasMaxLength(40);
        complaint.Property(c => c.FollowUpCodeHash).HasMaxLength(64);
        complaint.Property(c => c.HotlineOrder).HasMaxLength(40);
        complaint.Property(c => c.ComplainantName).HasMaxLength(200);
        complaint.Property(c => c.Text).HasMaxLength(EfficiencyComplaint.MaxText);
        complaint.Property(c => c.Reply).HasMaxLength(EfficiencyComplaint.MaxText);
        complaint.Property(c => c.ExtensionReason).HasMaxLength(2000);
        complaint.Ignore(c => c.Limit);
        complaint.HasOne<Unit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
