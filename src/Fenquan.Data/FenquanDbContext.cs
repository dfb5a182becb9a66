using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Data.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Fenquan.Data;

/// <summary>
/// The one DbContext. Every row carries its county (the distribution column for Citus, see
/// docs/architecture.md). Entities are the core's own classes with private setters: the data
/// layer maps them, it never decides.
/// </summary>
public class FenquanDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<County> Counties => Set<County>();

    public DbSet<Unit> Units => Set<Unit>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<PortfolioAssignment> PortfolioAssignments => Set<PortfolioAssignment>();

    public DbSet<PolicyVersion> PolicyVersions => Set<PolicyVersion>();

    public DbSet<LedgerEntryRow> LedgerEntries => Set<LedgerEntryRow>();

    public DbSet<TreeHeadRow> TreeHeads => Set<TreeHeadRow>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<CountyId>().HaveConversion<CountyIdConverter>();
        configurationBuilder.Properties<UnitId>().HaveConversion<UnitIdConverter>();
        configurationBuilder.Properties<PersonId>().HaveConversion<PersonIdConverter>();
        configurationBuilder.Properties<PolicyVersionId>().HaveConversion<PolicyVersionIdConverter>();
        configurationBuilder.Properties<MatterId>().HaveConversion<MatterIdConverter>();
        configurationBuilder.Properties<ActionId>().HaveConversion<ActionIdConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<County>(county =>
        {
            county.ToTable("counties");
            county.HasKey(c => c.Id);
            county.Property(c => c.Name).HasMaxLength(200);
            county.ComplexProperty(c => c.Bounds);
        });

        modelBuilder.Entity<Unit>(unit =>
        {
            unit.ToTable("units");
            unit.HasKey(u => u.Id);
            unit.HasIndex(u => u.CountyId);
            unit.Property(u => u.Name).HasMaxLength(200);
        });

        modelBuilder.Entity<Person>(person =>
        {
            person.ToTable("people");
            person.HasKey(p => p.Id);
            person.HasIndex(p => p.CountyId);
            person.Property(p => p.Name).HasMaxLength(100);
        });

        modelBuilder.Entity<Membership>(membership =>
        {
            membership.ToTable("memberships");
            membership.HasKey(m => m.Id);
            membership.HasIndex(m => new { m.CountyId, m.UnitId });
            membership.HasIndex(m => m.PersonId);
        });

        modelBuilder.Entity<PortfolioAssignment>(assignment =>
        {
            assignment.ToTable("portfolio_assignments");
            assignment.HasKey(a => a.Id);
            assignment.HasIndex(a => new { a.CountyId, a.UnitId, a.Area });
        });

        modelBuilder.Entity<PolicyVersion>(version =>
        {
            version.ToTable("policy_versions");
            version.HasKey(v => v.Id);
            version.HasIndex(v => new { v.CountyId, v.UnitId, v.Number }).IsUnique();
        });

        modelBuilder.Entity<LedgerEntryRow>(entry =>
        {
            entry.ToTable("ledger_entries");
            entry.HasKey(e => new { e.CountyId, e.Sequence });
            entry.HasIndex(e => new { e.CountyId, e.SubjectType, e.SubjectId });
            entry.Property(e => e.Kind).HasMaxLength(80);
            entry.Property(e => e.SubjectType).HasMaxLength(80);
        });

        modelBuilder.Entity<TreeHeadRow>(head =>
        {
            head.ToTable("tree_heads");
            head.HasKey(h => new { h.CountyId, h.TreeSize });
        });
    }

    private sealed class CountyIdConverter() : ValueConverter<CountyId, Guid>(id => id.Value, value => new CountyId(value));

    private sealed class UnitIdConverter() : ValueConverter<UnitId, Guid>(id => id.Value, value => new UnitId(value));

    private sealed class PersonIdConverter() : ValueConverter<PersonId, Guid>(id => id.Value, value => new PersonId(value));

    private sealed class PolicyVersionIdConverter() : ValueConverter<PolicyVersionId, Guid>(id => id.Value, value => new PolicyVersionId(value));

    private sealed class MatterIdConverter() : ValueConverter<MatterId, Guid>(id => id.Value, value => new MatterId(value));

    private sealed class ActionIdConverter() : ValueConverter<ActionId, Guid>(id => id.Value, value => new ActionId(value));
}
