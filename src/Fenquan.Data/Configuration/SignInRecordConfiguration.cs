using Fenquan.Core.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fenquan.Data.Configuration;

/// <summary>Sign-in attempts (ledgered like every other row).</summary>
public sealed class SignInRecordConfiguration : IEntityTypeConfiguration<SignInRecord>
{
    public void Configure(EntityTypeBuilder<SignInRecord> builder)
    {
        builder.ToTable("sign_ins");
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => new { s.CountyId, s.PersonId });
        builder.Property(s => s.UserName).HasMaxLength(100);
        builder.Property(s => s.RemoteAddress).HasMaxLength(64);
        builder.Ignore(s => s.Succeeded);
    }
}
