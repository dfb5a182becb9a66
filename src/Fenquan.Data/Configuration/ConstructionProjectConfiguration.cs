using Fenquan.Core.Construction;
using Fenquan.Core.Matters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fenquan.Data.Configuration;

/// <summary>Construction projects (R19–R22) with their bids and variation links, read by unit, by proposal and by contractor-choice matter.</summary>
internal sealed class ConstructionProjectConfiguration : IEntityTypeConfiguration<ConstructionProject>
{
    public void Configure(EntityTypeBuilder<ConstructionProject> project)
    {
        project.ToTable("construction_projects");
        project.HasKey(p => p.Id);
        project.Property(p => p.Title).HasMaxLength(300);
        foreach (var text in new[] { nameof(ConstructionProject.TenderOfficeReference), nameof(ConstructionProject.EvaluationReference), nameof(ConstructionProject.NoticeWhere),
                     nameof(ConstructionProject.ContractReference), nameof(ConstructionProject.AcceptanceReference), nameof(ConstructionProject.AuditReference) })
        {
            project.Property(text).HasMaxLength(ConstructionProject.MaxReference);
        }

        foreach (var text in new[] { nameof(ConstructionProject.Justification), nameof(ConstructionProject.DistrictGuidance), nameof(ConstructionProject.ChoiceReason) })
        {
            project.Property(text).HasMaxLength(ConstructionProject.MaxText);
        }

        project.Property(p => p.ContractorName).HasMaxLength(Bid.MaxName);
        project.Ignore(p => p.NoticeEndsOn);
        project.Ignore(p => p.WarrantyEndsOn);
        project.Ignore(p => p.Candidates);
        project.HasIndex(p => new { p.CountyId, p.UnitId });
        project.HasIndex(p => new { p.CountyId, p.ProposalMatterId }).IsUnique();
        project.HasIndex(p => new { p.CountyId, p.ContractorMatterId });
        project.HasOne<Matter>().WithMany().HasForeignKey(p => p.ProposalMatterId).OnDelete(DeleteBehavior.Restrict);
        project.HasMany(p => p.Bids).WithOne().HasForeignKey(b => b.ProjectId);
        project.HasMany(p => p.Variations).WithOne().HasForeignKey(v => v.ProjectId);
        project.Navigation(p => p.Bids).UsePropertyAccessMode(PropertyAccessMode.Field);
        project.Navigation(p => p.Variations).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

/// <summary>Bids on a project's tender (R20).</summary>
internal sealed class BidConfiguration : IEntityTypeConfiguration<Bid>
{
    public void Configure(EntityTypeBuilder<Bid> bid)
    {
        bid.ToTable("construction_bids");
        bid.HasKey(b => b.Id);
        bid.Property(b => b.BidderName).HasMaxLength(Bid.MaxName);
        bid.HasIndex(b => new { b.ProjectId, b.BidderId }).IsUnique();
    }
}

/// <summary>A project's variation orders, each its own matter (R19).</summary>
internal sealed class ProjectVariationConfiguration : IEntityTypeConfiguration<ProjectVariation>
{
    public void Configure(EntityTypeBuilder<ProjectVariation> variation)
    {
        variation.ToTable("construction_variations");
        variation.HasKey(v => v.Id);
        variation.HasIndex(v => new { v.CountyId, v.MatterId }).IsUnique();
        variation.HasOne<Matter>().WithMany().HasForeignKey(v => v.MatterId).OnDelete(DeleteBehavior.Restrict);
    }
}
