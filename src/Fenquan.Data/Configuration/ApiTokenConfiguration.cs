using Fenquan.Core.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Fenquan.Data.Configuration;

/// <summary>api_tokens: the SHA-256 of each secret (unique, for lookup), never the secret.</summary>
internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> token)
    {
        token.ToTable("api_tokens");
        token.HasKey(t => t.Id);
        token.Property(t => t.Id).HasConversion(new ValueConverter<ApiTokenId, Guid>(id => id.Value, value => new ApiTokenId(value)));
        token.HasIndex(t => t.SecretHash).IsUnique();
        token.HasIndex(t => new { t.CountyId, t.PersonId });
        token.Property(t => t.Name).HasMaxLength(100);
        token.Property(t => t.SecretHash).HasMaxLength(32);

        // Scopes as "ledger:read matters:read" (space-separated, like OAuth), in order.
        token.Property(t => t.Scopes)
            .HasConversion(
                new ValueConverter<IReadOnlyList<string>, string>(
                    scopes => string.Join(' ', scopes),
                    text => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList()),
                new ValueComparer<IReadOnlyList<string>>((a, b) => a!.SequenceEqual(b!), a => a.Aggregate(0, (h, x) => HashCode.Combine(h, x.GetHashCode(StringComparison.Ordinal))), a => a.ToList()))
            .HasMaxLength(200);
    }
}
