using System.Text.Json;
using Fenquan.Core.Finance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Fenquan.Data.Configuration;

/// <summary>
/// Quarterly statement versions (R9): one row per version, never rewritten; the content is kept as
/// JSON, as it was built, so a published version reads the same however the data moves on.
/// </summary>
internal sealed class StatementConfiguration : IEntityTypeConfiguration<Statement>
{
    public void Configure(EntityTypeBuilder<Statement> statement)
    {
        statement.ToTable("statements");
        statement.HasKey(s => s.Id);
        statement.Ignore(s => s.Quarter);
        statement.Property(s => s.MeetingId).HasConversion(new MeetingIdConverter());
        statement.Property(s => s.Content).HasConversion(new StatementContentConverter());
        statement.Property(s => s.Reason).HasMaxLength(Statement.MaxReason);
        statement.HasIndex(s => new { s.CountyId, s.UnitId, s.Year, s.QuarterNumber, s.Version }).IsUnique();
    }
}

/// <summary>A statement's content as JSON (camelCase), read back into the same records.</summary>
internal sealed class StatementContentConverter() : ValueConverter<StatementContent, string>(
    content => JsonSerializer.Serialize(content, Options),
    json => Read(json))
{
    // The totals and the period are computed from the stored rows: not stored twice.
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, IgnoreReadOnlyProperties = true };

    private static StatementContent Read(string json) => JsonSerializer.Deserialize<StatementContent>(json, Options) ?? throw new JsonException("A stored statement is empty.");
}
