using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Data.Ledger;
using Fenquan.Data.Storage;
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

    public DbSet<Section> Sections => Set<Section>();

    public DbSet<PortfolioAssignment> PortfolioAssignments => Set<PortfolioAssignment>();

    public DbSet<PolicyVersion> PolicyVersions => Set<PolicyVersion>();

    public DbSet<Matter> Matters => Set<Matter>();

    public DbSet<MatterAction> MatterActions => Set<MatterAction>();

    public DbSet<MatterChange> MatterChanges => Set<MatterChange>();

    public DbSet<LedgerEntryRow> LedgerEntries => Set<LedgerEntryRow>();

    public DbSet<TreeHeadRow> TreeHeads => Set<TreeHeadRow>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<CountyId>().HaveConversion<CountyIdConverter>();
        configurationBuilder.Properties<UnitId>().HaveConversion<UnitIdConverter>();
        configurationBuilder.Properties<PersonId>().HaveConversion<PersonIdConverter>();
        configurationBuilder.Properties<PolicyVersionId>().HaveConversion<PolicyVersionIdConverter>();
        configurationBuilder.Properties<PolicyProposalId>().HaveConversion<PolicyProposalIdConverter>();
        configurationBuilder.Properties<MatterId>().HaveConversion<MatterIdConverter>();
        configurationBuilder.Properties<ActionId>().HaveConversion<ActionIdConverter>();
        configurationBuilder.Properties<CounterpartyId>().HaveConversion<CounterpartyIdConverter>();
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
            person.Property(p => p.StaffNumber).HasMaxLength(PersonNumbers.MaxStaffNumber);
            person.Property(p => p.IdNumber).HasMaxLength(18);

            // R1: a person is known by a number, unique in the county (several nulls are allowed).
            person.HasIndex(p => new { p.CountyId, p.StaffNumber }).IsUnique();
            person.HasIndex(p => new { p.CountyId, p.IdNumber }).IsUnique();
        });

        modelBuilder.Entity<Section>(section =>
        {
            section.ToTable("sections");
            section.HasKey(s => s.Id);
            section.HasIndex(s => new { s.CountyId, s.UnitId, s.Name }).IsUnique();
            section.Property(s => s.Name).HasMaxLength(Section.MaxName);
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

            // R40: the approved proposal it came from; null for the unit's bootstrap version.
            version.HasOne<PolicyProposal>().WithMany().HasForeignKey(v => v.ProposalId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Matter>(matter =>
        {
            matter.ToTable("matters");
            matter.HasKey(m => m.Id);
            matter.Property(m => m.Title).HasMaxLength(300);
            matter.Property(m => m.ItemCode).HasMaxLength(40);
            matter.Property(m => m.BudgetCode).HasMaxLength(10);
            matter.ComplexProperty(m => m.Payee, payee => payee.Property(p => p.Name).HasMaxLength(200));
            matter.Property(m => m.Route).HasConversion(new RouteConverter(), RouteConverter.Comparer);
            matter.Property(m => m.PayeeRelatives).HasConversion(new PersonIdListConverter(), PersonIdListConverter.Comparer);

            // R43: what the meeting decided binds the matter's execution.
            matter.Property(m => m.DecidedTerms).HasConversion(new DecidedTermsConverter());
            matter.Ignore(m => m.CurrentRoundActions);
            matter.Ignore(m => m.CurrentStep);
            matter.Ignore(m => m.CurrentStepIndex);
            matter.Ignore(m => m.Facts);
            matter.HasIndex(m => new { m.CountyId, m.UnitId, m.State });
            matter.HasMany(m => m.Actions).WithOne().HasForeignKey(a => a.MatterId);
            matter.HasMany(m => m.Changes).WithOne().HasForeignKey(c => c.MatterId);
            matter.Navigation(m => m.Actions).UsePropertyAccessMode(PropertyAccessMode.Field);
            matter.Navigation(m => m.Changes).UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        modelBuilder.Entity<MatterAction>(action =>
        {
            action.ToTable("matter_actions");
            action.HasKey(a => a.Id);
            action.Property(a => a.Comment).HasMaxLength(2000);
            action.Property(a => a.ExternalReference).HasMaxLength(200);
        });

        modelBuilder.Entity<MatterChange>(change =>
        {
            change.ToTable("matter_changes");
            change.HasKey(c => c.Id);
            change.Property(c => c.OldTitle).HasMaxLength(300);
            change.Property(c => c.NewTitle).HasMaxLength(300);
            change.Property(c => c.OldPayeeName).HasMaxLength(200);
            change.Property(c => c.NewPayeeName).HasMaxLength(200);
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

        // Further features map their rows in IEntityTypeConfiguration classes of this assembly.
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FenquanDbContext).Assembly);

        // Ids are made by the application (Guid v7), never by the database: a new child row found
        // through a navigation is an insert, not an update of a row that "should" exist.
        foreach (var key in modelBuilder.Model.GetEntityTypes().Select(t => t.FindPrimaryKey()).OfType<Microsoft.EntityFrameworkCore.Metadata.IMutableKey>())
        {
            foreach (var property in key.Properties)
            {
                property.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
            }
        }
    }

    private sealed class CountyIdConverter() : ValueConverter<CountyId, Guid>(id => id.Value, value => new CountyId(value));

    private sealed class UnitIdConverter() : ValueConverter<UnitId, Guid>(id => id.Value, value => new UnitId(value));

    private sealed class PersonIdConverter() : ValueConverter<PersonId, Guid>(id => id.Value, value => new PersonId(value));

    private sealed class PolicyVersionIdConverter() : ValueConverter<PolicyVersionId, Guid>(id => id.Value, value => new PolicyVersionId(value));

    private sealed class CounterpartyIdConverter() : ValueConverter<CounterpartyId, Guid>(id => id.Value, value => new CounterpartyId(value));

    private sealed class PolicyProposalIdConverter() : ValueConverter<PolicyProposalId, Guid>(id => id.Value, value => new PolicyProposalId(value));

    private sealed class MatterIdConverter() : ValueConverter<MatterId, Guid>(id => id.Value, value => new MatterId(value));

    private sealed class ActionIdConverter() : ValueConverter<ActionId, Guid>(id => id.Value, value => new ActionId(value));
}
