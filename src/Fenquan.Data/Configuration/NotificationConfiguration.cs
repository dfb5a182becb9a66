using Fenquan.Core.Notifications;
using Fenquan.Core.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fenquan.Data.Configuration;

/// <summary>In-application notifications (R43: members are notified of meetings): one row per recipient, saved with the change it announces but not ledgered (<see cref="Fenquan.Data.Ledger.LedgerWriter.IsMessage"/>).</summary>
internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> notification)
    {
        notification.ToTable("notifications");
        notification.HasKey(n => n.Id);
        notification.Property(n => n.TextKey).HasMaxLength(80);
        notification.Property(n => n.TextArgs)
            .HasField("_textArgs")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(new TextListConverter(), TextListConverter.Comparer);
        notification.Ignore(n => n.IsRead);
        notification.HasIndex(n => new { n.CountyId, n.RecipientId, n.ReadAt });

        // Signed minutes settle the requests to sign (MeetingNotices.SettleSigned): found by subject.
        notification.HasIndex(n => new { n.SubjectId, n.ReadAt });

        // The periodic tidy finds the answered requests to act on a step (MatterNotices.IsAnswered).
        notification.HasIndex(n => new { n.StepRound, n.ReadAt });
        notification.HasOne<Person>().WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Restrict);
    }
}
