using Fenquan.Core.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fenquan.Data.Configuration;

/// <summary>
/// A minutes record (会议纪要): the content generated from the rows, stored as JSON, and the
/// signatures. A correction is a new record (version + 1) that names the one it supersedes.
/// </summary>
internal sealed class MeetingMinutesConfiguration : IEntityTypeConfiguration<MinutesRecord>
{
    public void Configure(EntityTypeBuilder<MinutesRecord> minutes)
    {
        minutes.ToTable("meeting_minutes");
        minutes.HasKey(m => m.Id);
        minutes.Property(m => m.Id).HasConversion(new MinutesIdConverter());
        minutes.Property(m => m.MeetingId).HasConversion(new MeetingIdConverter());
        minutes.Property(m => m.SupersedesId).HasConversion(new MinutesIdConverter());
        minutes.Property(m => m.Content).HasConversion(new MinutesContentConverter(), MeetingJson.Comparer<Minutes>());
        minutes.Ignore(m => m.MissingSignatures);
        minutes.Ignore(m => m.State);
        minutes.HasIndex(m => new { m.MeetingId, m.Version }).IsUnique();
        minutes.HasOne<MinutesRecord>().WithMany().HasForeignKey(m => m.SupersedesId).OnDelete(DeleteBehavior.Restrict);
        minutes.HasMany(m => m.Signatures).WithOne().HasForeignKey(s => s.MinutesId);
        minutes.Navigation(m => m.Signatures).HasField("_signatures").UsePropertyAccessMode(PropertyAccessMode.Field);
        minutes.HasMany(m => m.Explanations).WithOne().HasForeignKey(s => s.MinutesId);
        minutes.Navigation(m => m.Explanations).HasField("_explanations").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

/// <summary>The discipline member's record of a missing signature: one per attendee and record (R43).</summary>
internal sealed class MissingSignatureConfiguration : IEntityTypeConfiguration<MissingSignature>
{
    public void Configure(EntityTypeBuilder<MissingSignature> missing)
    {
        missing.ToTable("meeting_minutes_missing_signatures");
        missing.HasKey(s => s.Id);
        missing.Property(s => s.MinutesId).HasConversion(new MinutesIdConverter());
        missing.HasIndex(s => new { s.MinutesId, s.PersonId }).IsUnique();
    }
}

/// <summary>An attendee's signature on a minutes record: one per attendee and record.</summary>
internal sealed class MeetingSignatureConfiguration : IEntityTypeConfiguration<MinutesSignature>
{
    public void Configure(EntityTypeBuilder<MinutesSignature> signature)
    {
        signature.ToTable("meeting_minutes_signatures");
        signature.HasKey(s => s.Id);
        signature.Property(s => s.MinutesId).HasConversion(new MinutesIdConverter());
        signature.HasIndex(s => new { s.MinutesId, s.PersonId }).IsUnique();
    }
}
