using Fenquan.Core.Meetings;
using Fenquan.Core.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fenquan.Data.Configuration;

/// <summary>
/// A meeting (R43) and its rows. The aggregate's collections are the core's private lists, read and
/// filled by EF through their fields; every row is its own immutable record carrying its county.
/// </summary>
internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> meeting)
    {
        meeting.ToTable("meetings");
        meeting.HasKey(m => m.Id);
        meeting.Property(m => m.Id).HasConversion(new MeetingIdConverter());
        meeting.Property(m => m.Title).HasMaxLength(300);
        meeting.Property(m => m.ScheduledAt).HasConversion(new UtcConverter());
        meeting.Property(m => m.CancelReason).HasMaxLength(2000);

        // R43: the rules of decision are frozen on the meeting when it is scheduled.
        meeting.Property(m => m.Rules).HasConversion(new DecisionRulesConverter(), MeetingJson.Comparer<DecisionRules>());

        meeting.Ignore(m => m.MembersToNotify);
        meeting.Ignore(m => m.CurrentMinutes);
        meeting.Ignore(m => m.MinutesAreFinal);
        meeting.HasIndex(m => new { m.CountyId, m.UnitId, m.State });
        meeting.HasOne<Unit>().WithMany().HasForeignKey(m => m.UnitId).OnDelete(DeleteBehavior.Restrict);

        meeting.HasMany(m => m.Members).WithOne().HasForeignKey(r => r.MeetingId);
        meeting.HasMany(m => m.Items).WithOne().HasForeignKey(r => r.MeetingId);
        meeting.HasMany(m => m.Attendances).WithOne().HasForeignKey(r => r.MeetingId);
        meeting.HasMany(m => m.Recusals).WithOne().HasForeignKey(r => r.MeetingId);
        meeting.HasMany(m => m.Opinions).WithOne().HasForeignKey(r => r.MeetingId);
        meeting.HasMany(m => m.Outcomes).WithOne().HasForeignKey(r => r.MeetingId);
        meeting.HasMany(m => m.MinutesRecords).WithOne().HasForeignKey(r => r.MeetingId);
        meeting.Navigation(m => m.Members).HasField("_members").UsePropertyAccessMode(PropertyAccessMode.Field);
        meeting.Navigation(m => m.Items).HasField("_items").UsePropertyAccessMode(PropertyAccessMode.Field);
        meeting.Navigation(m => m.Attendances).HasField("_attendance").UsePropertyAccessMode(PropertyAccessMode.Field);
        meeting.Navigation(m => m.Recusals).HasField("_recusals").UsePropertyAccessMode(PropertyAccessMode.Field);
        meeting.Navigation(m => m.Opinions).HasField("_opinions").UsePropertyAccessMode(PropertyAccessMode.Field);
        meeting.Navigation(m => m.Outcomes).HasField("_outcomes").UsePropertyAccessMode(PropertyAccessMode.Field);
        meeting.Navigation(m => m.MinutesRecords).HasField("_minutes").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

/// <summary>The team frozen on the meeting's date: one row per member.</summary>
internal sealed class MeetingMemberConfiguration : IEntityTypeConfiguration<MeetingMember>
{
    public void Configure(EntityTypeBuilder<MeetingMember> member)
    {
        member.ToTable("meeting_members");
        member.HasKey(m => m.Id);
        member.Property(m => m.MeetingId).HasConversion(new MeetingIdConverter());
        member.Property(m => m.Name).HasMaxLength(100);
        member.HasIndex(m => new { m.MeetingId, m.PersonId }).IsUnique();
        member.HasIndex(m => new { m.CountyId, m.PersonId });
    }
}
