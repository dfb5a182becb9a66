using Fenquan.Core.Matters;
using Fenquan.Core.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fenquan.Data.Configuration;

// What is recorded in session: attendance, recusals, opinions and outcomes, each an immutable row
// (STYLE habit 6). The unique indexes restate the core's rules in the database: one attendance per
// member, one recusal and one opinion per member and item, one speaking position per item, one
// outcome per item.

internal sealed class MeetingAttendanceConfiguration : IEntityTypeConfiguration<Attendance>
{
    public void Configure(EntityTypeBuilder<Attendance> attendance)
    {
        attendance.ToTable("meeting_attendance");
        attendance.HasKey(a => a.Id);
        attendance.Property(a => a.MeetingId).HasConversion(new MeetingIdConverter());
        attendance.Property(a => a.AbsenceReason).HasMaxLength(500);
        attendance.HasIndex(a => new { a.MeetingId, a.PersonId }).IsUnique();
    }
}

internal sealed class MeetingRecusalConfiguration : IEntityTypeConfiguration<Recusal>
{
    public void Configure(EntityTypeBuilder<Recusal> recusal)
    {
        recusal.ToTable("meeting_recusals");
        recusal.HasKey(r => r.Id);
        recusal.Property(r => r.MeetingId).HasConversion(new MeetingIdConverter());
        recusal.Property(r => r.AgendaItemId).HasConversion(new AgendaItemIdConverter());
        recusal.Property(r => r.Reason).HasMaxLength(1000);
        recusal.Ignore(r => r.Automatic);
        recusal.HasIndex(r => new { r.AgendaItemId, r.PersonId }).IsUnique();
        recusal.HasOne<AgendaItem>().WithMany().HasForeignKey(r => r.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MeetingOpinionConfiguration : IEntityTypeConfiguration<Opinion>
{
    public void Configure(EntityTypeBuilder<Opinion> opinion)
    {
        opinion.ToTable("meeting_opinions");
        opinion.HasKey(o => o.Id);
        opinion.Property(o => o.MeetingId).HasConversion(new MeetingIdConverter());
        opinion.Property(o => o.AgendaItemId).HasConversion(new AgendaItemIdConverter());
        opinion.Property(o => o.Reason).HasMaxLength(2000);
        opinion.HasIndex(o => new { o.AgendaItemId, o.PersonId }).IsUnique();
        opinion.HasIndex(o => new { o.AgendaItemId, o.Sequence }).IsUnique();
        opinion.HasOne<AgendaItem>().WithMany().HasForeignKey(o => o.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MeetingOutcomeConfiguration : IEntityTypeConfiguration<ItemOutcome>
{
    public void Configure(EntityTypeBuilder<ItemOutcome> outcome)
    {
        outcome.ToTable("meeting_outcomes");
        outcome.HasKey(o => o.Id);
        outcome.Property(o => o.MeetingId).HasConversion(new MeetingIdConverter());
        outcome.Property(o => o.AgendaItemId).HasConversion(new AgendaItemIdConverter());
        outcome.ComplexProperty(o => o.Payee, payee => payee.Property(p => p.Name).HasMaxLength(200));
        outcome.Property(o => o.Conditions).HasMaxLength(2000);
        outcome.Property(o => o.Reason).HasMaxLength(2000);
        outcome.HasIndex(o => o.AgendaItemId).IsUnique();
        outcome.HasOne<AgendaItem>().WithMany().HasForeignKey(o => o.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
        outcome.HasOne<MatterAction>().WithMany().HasForeignKey(o => o.MatterActionId).OnDelete(DeleteBehavior.Restrict);
    }
}
