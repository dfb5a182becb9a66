using Fenquan.Core.Notifications;
using Fenquan.Core.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fenquan.Data.Configuration;

/// <summary>Each person's choice of in-app only or in-app plus a daily digest: one row per person.</summary>
internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> preference)
    {
        preference.ToTable("notification_preferences");
        preference.HasKey(p => p.Id);
        preference.Ignore(p => p.WantsDigest);
        preference.HasIndex(p => new { p.CountyId, p.PersonId }).IsUnique();
        preference.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
