using Fenquan.Core.Attachments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Fenquan.Data.Configuration;

/// <summary>attachments: one row per voucher or document; the bytes are in the upload store, named by <see cref="Attachment.ContentHash"/>.</summary>
internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> attachment)
    {
        attachment.ToTable("attachments");
        attachment.HasKey(a => a.Id);
        attachment.Property(a => a.Id).HasConversion(new ValueConverter<AttachmentId, Guid>(id => id.Value, value => new AttachmentId(value)));
        attachment.HasIndex(a => new { a.CountyId, a.MatterId });
        attachment.HasIndex(a => a.ContentHash);
        attachment.Property(a => a.FileName).HasMaxLength(255);
        attachment.Property(a => a.ContentType).HasMaxLength(100);
        attachment.Property(a => a.ContentHash).HasMaxLength(64).IsFixedLength(false);
    }
}
