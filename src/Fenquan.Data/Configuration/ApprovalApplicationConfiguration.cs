using Fenquan.Core.Licensing;
using Fenquan.Core.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fenquan.Data.Configuration;

/// <summary>
/// Applications to approval items (R24) and what happened to each (one row per event); the receipt
/// number is unique, the follow-up code is kept only as its hash. Ledgered like every row.
/// </summary>
internal sealed class ApprovalApplicationConfiguration : IEntityTypeConfiguration<ApprovalApplication>
{
    public void Configure(EntityTypeBuilder<ApprovalApplication> application)
    {
        application.ToTable("approval_applications");
        application.HasKey(a => a.Id);
        application.HasIndex(a => a.ReceiptNumber).IsUnique();
        application.HasIndex(a => new { a.CountyId, a.UnitId, a.State });
        application.Property(a => a.ReceiptNumber).HasMaxLength(40);
        application.Property(a => a.FollowUpCodeHash).HasMaxLength(64);
        application.Property(a => a.ItemCode).HasMaxLength(ApprovalItemRegister.MaxCode);
        application.Property(a => a.ItemName).HasMaxLength(ApprovalItemRegister.MaxName);
        application.Property(a => a.ApplicantName).HasMaxLength(200);
        application.Property(a => a.ApplicantNumber).HasMaxLength(18);
        application.Property(a => a.ApplicantContact).HasMaxLength(200);
        application.Property(a => a.DocumentsText).HasMaxLength(8000);
        application.Property(a => a.MissingText).HasMaxLength(ApprovalApplication.MaxText);
        application.Property(a => a.StepsText).HasMaxLength(8000);
        application.Property(a => a.DecisionText).HasMaxLength(ApprovalApplication.MaxText);
        application.Ignore(a => a.Documents);
        application.Ignore(a => a.MissingDocuments);
        application.Ignore(a => a.Steps);
        application.Ignore(a => a.IsOpen);
        application.Ignore(a => a.IsPaused);
        application.Ignore(a => a.DecisionNumber);
        application.HasOne<Unit>().WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
        application.HasMany(a => a.Events).WithOne().HasForeignKey(e => e.ApplicationId);
        application.Navigation(a => a.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
