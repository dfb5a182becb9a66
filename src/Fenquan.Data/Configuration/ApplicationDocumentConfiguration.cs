using Fenquan.Core.Licensing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fenquan.Data.Configuration;

/// <summary>application_documents: one row per file an applicant handed in (R24); the bytes are in the upload store, named by <see cref="ApplicationDocument.ContentHash"/>.</summary>
internal sealed class ApplicationDocumentConfiguration : IEntityTypeConfiguration<ApplicationDocument>
{
    public void Configure(EntityTypeBuilder<ApplicationDocument> document)
    {
        document.ToTable("application_documents");
        document.HasKey(d => d.Id);
        document.HasIndex(d => new { d.CountyId, d.ApplicationId });
        document.HasIndex(d => d.ContentHash);
        document.HasOne<ApprovalApplication>().WithMany().HasForeignKey(d => d.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        document.Property(d => d.Document).HasMaxLength(500);
        document.Property(d => d.FileName).HasMaxLength(255);
        document.Property(d => d.ContentType).HasMaxLength(100);
        document.Property(d => d.ContentHash).HasMaxLength(64).IsFixedLength(false);
    }
}
