using Fenquan.Core.Finance.Inspection;
using Fenquan.Core.Matters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fenquan.Data.Configuration;

/// <summary>Voucher inspections (R8): one draw per unit and period, which the unique key enforces as well as the core.</summary>
internal sealed class VoucherInspectionConfiguration : IEntityTypeConfiguration<VoucherInspection>
{
    public void Configure(EntityTypeBuilder<VoucherInspection> inspection)
    {
        inspection.ToTable("voucher_inspections");
        inspection.HasKey(i => i.Id);
        inspection.Ignore(i => i.PeriodValue);
        inspection.Property(i => i.Period).HasMaxLength(20);
        inspection.Property(i => i.SeedRoot).HasMaxLength(64);
        inspection.Property(i => i.SeedWitnesses).HasMaxLength(1000);
        inspection.Property(i => i.Seed).HasMaxLength(64);
        inspection.HasIndex(i => new { i.CountyId, i.UnitId, i.Period }).IsUnique();
    }
}

/// <summary>The claims of an inspection's sample, with their inspectors.</summary>
internal sealed class InspectionItemConfiguration : IEntityTypeConfiguration<InspectionItem>
{
    public void Configure(EntityTypeBuilder<InspectionItem> item)
    {
        item.ToTable("inspection_items");
        item.HasKey(i => i.Id);
        item.HasIndex(i => new { i.CountyId, i.InspectionId, i.Order }).IsUnique();
        item.HasIndex(i => new { i.CountyId, i.InspectorId });
        item.HasOne<VoucherInspection>().WithMany().HasForeignKey(i => i.InspectionId).OnDelete(DeleteBehavior.Restrict);
        item.HasOne<Matter>().WithMany().HasForeignKey(i => i.MatterId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Findings: one per item, which the unique key enforces as well as the core.</summary>
internal sealed class InspectionFindingConfiguration : IEntityTypeConfiguration<InspectionFinding>
{
    public void Configure(EntityTypeBuilder<InspectionFinding> finding)
    {
        finding.ToTable("inspection_findings");
        finding.HasKey(f => f.Id);
        finding.Property(f => f.Note).HasMaxLength(InspectionFinding.MaxText);
        finding.HasIndex(f => new { f.CountyId, f.ItemId }).IsUnique();
        finding.HasIndex(f => new { f.CountyId, f.InspectionId });
        finding.HasOne<InspectionItem>().WithMany().HasForeignKey(f => f.ItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Rectification tasks opened by problems found, read by inspection and by the responsible deputy.</summary>
internal sealed class RectificationConfiguration : IEntityTypeConfiguration<Rectification>
{
    public void Configure(EntityTypeBuilder<Rectification> task)
    {
        task.ToTable("rectifications");
        task.HasKey(t => t.Id);
        task.Property(t => t.Problem).HasMaxLength(InspectionFinding.MaxText);
        task.HasIndex(t => new { t.CountyId, t.FindingId }).IsUnique();
        task.HasIndex(t => new { t.CountyId, t.InspectionId });
        task.HasIndex(t => new { t.CountyId, t.ResponsibleId });
        task.HasOne<InspectionFinding>().WithMany().HasForeignKey(t => t.FindingId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>The steps of rectification tasks: evidence, sending back, acceptance.</summary>
internal sealed class RectificationStepConfiguration : IEntityTypeConfiguration<RectificationStep>
{
    public void Configure(EntityTypeBuilder<RectificationStep> step)
    {
        step.ToTable("rectification_steps");
        step.HasKey(s => s.Id);
        step.Property(s => s.Text).HasMaxLength(InspectionFinding.MaxText);
        step.Property(s => s.Attachment).HasMaxLength(RectificationStep.MaxAttachment);
        step.HasIndex(s => new { s.CountyId, s.RectificationId, s.Number }).IsUnique();
        step.HasOne<Rectification>().WithMany().HasForeignKey(s => s.RectificationId).OnDelete(DeleteBehavior.Restrict);
    }
}
