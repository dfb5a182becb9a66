using Fenquan.Core.Matters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fenquan.Data.Configuration;

/// <summary>
/// The quarterly statement (R9) reads each payment's matter for its kind and title only: this index
/// covers that read, so a statement of 100,000 claims never copies the matters' wide rows (route,
/// terms, payee) off the disk (<see cref="Operations.StatementOperations.Build"/>).
/// </summary>
internal sealed class MatterStatementIndexConfiguration : IEntityTypeConfiguration<Matter>
{
    public void Configure(EntityTypeBuilder<Matter> matter) =>
        matter.HasIndex(m => new { m.Id, m.Kind, m.Title });
}
