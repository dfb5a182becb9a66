using Fenquan.Core.Matters;
using Fenquan.Core.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fenquan.Data.Configuration;

/// <summary>An agenda item (议题): its matter and the facts the recusal rules need, frozen when tabled.</summary>
internal sealed class MeetingItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> item)
    {
        item.ToTable("meeting_items");
        item.HasKey(i => i.Id);
        item.Property(i => i.Id).HasConversion(new AgendaItemIdConverter());
        item.Property(i => i.MeetingId).HasConversion(new MeetingIdConverter());
        item.Property(i => i.Title).HasMaxLength(300);
        item.ComplexProperty(i => i.Payee, payee => payee.Property(p => p.Name).HasMaxLength(200));
        item.Property(i => i.ConcernedPersonIds)
            .HasField("_concernedPersonIds")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(new PersonIdListConverter(), PersonIdListConverter.Comparer);
        item.Property(i => i.PayeeRelatives)
            .HasField("_payeeRelatives")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(new PersonIdListConverter(), PersonIdListConverter.Comparer);
        item.Property(i => i.DocumentReferences)
            .HasField("_documentReferences")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(new TextListConverter(), TextListConverter.Comparer);
        item.Ignore(i => i.IsPersonnel);
        item.HasIndex(i => new { i.MeetingId, i.Number }).IsUnique();
        item.HasIndex(i => new { i.CountyId, i.MatterId });
        item.HasOne<Matter>().WithMany().HasForeignKey(i => i.MatterId).OnDelete(DeleteBehavior.Restrict);

        // R40: a policy proposal's item has no matter (see Meeting.PolicyItems.cs).
        item.HasOne<Fenquan.Core.Policy.PolicyProposal>().WithMany().HasForeignKey(i => i.PolicyProposalId).OnDelete(DeleteBehavior.Restrict);
    }
}
