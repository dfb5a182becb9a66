using Fenquan.Core.Meetings;
using Fenquan.Core.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fenquan.Data.Configuration;

/// <summary>Declared relatives (亲属关系申报), read when a meeting opens to recuse relatives (R43).</summary>
internal sealed class MeetingRelativeConfiguration : IEntityTypeConfiguration<RelativeDeclaration>
{
    public void Configure(EntityTypeBuilder<RelativeDeclaration> relation)
    {
        relation.ToTable("relative_declarations");
        relation.HasKey(r => r.Id);
        relation.Property(r => r.Relationship).HasMaxLength(50);
        relation.HasIndex(r => new { r.CountyId, r.PersonId, r.RelativeId }).IsUnique();
        relation.HasIndex(r => new { r.CountyId, r.RelativeId });
        relation.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        relation.HasOne<Person>().WithMany().HasForeignKey(r => r.RelativeId).OnDelete(DeleteBehavior.Restrict);
    }
}
