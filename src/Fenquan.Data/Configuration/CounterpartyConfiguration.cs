using Fenquan.Core.Counterparties;
using Fenquan.Core.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fenquan.Data.Configuration;

/// <summary>The county's register of external counterparties (R6): one row per identifier in a county.</summary>
internal sealed class CounterpartyConfiguration : IEntityTypeConfiguration<Counterparty>
{
    public void Configure(EntityTypeBuilder<Counterparty> counterparty)
    {
        counterparty.ToTable("counterparties");
        counterparty.HasKey(c => c.Id);
        counterparty.Property(c => c.Name).HasMaxLength(Counterparty.MaxName);
        counterparty.Property(c => c.Identifier).HasMaxLength(18);
        counterparty.Property(c => c.RegisteredBy).HasMaxLength(200);
        counterparty.Ignore(c => c.MaskedIdentifier);
        counterparty.HasIndex(c => new { c.CountyId, c.Identifier }).IsUnique();
        counterparty.HasIndex(c => new { c.CountyId, c.Name });
    }
}

/// <summary>Declared ties of people to counterparties (R6): read when a matter paying the counterparty is routed.</summary>
internal sealed class CounterpartyTieConfiguration : IEntityTypeConfiguration<CounterpartyTie>
{
    public void Configure(EntityTypeBuilder<CounterpartyTie> tie)
    {
        tie.ToTable("counterparty_ties");
        tie.HasKey(t => t.Id);
        tie.Property(t => t.Relationship).HasMaxLength(CounterpartyTie.MaxRelationship);
        tie.HasIndex(t => new { t.CountyId, t.CounterpartyId, t.PersonId }).IsUnique();
        tie.HasIndex(t => new { t.CountyId, t.PersonId });
        tie.HasOne<Person>().WithMany().HasForeignKey(t => t.PersonId).OnDelete(DeleteBehavior.Restrict);
        tie.HasOne<Counterparty>().WithMany().HasForeignKey(t => t.CounterpartyId).OnDelete(DeleteBehavior.Restrict);
    }
}
