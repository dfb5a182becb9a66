using Fenquan.Data.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fenquan.Data.Configuration;

internal sealed class TileRowConfiguration : IEntityTypeConfiguration<TileRow>
{
    public void Configure(EntityTypeBuilder<TileRow> tile)
    {
        tile.ToTable("ledger_tiles");
        tile.HasKey(t => new { t.CountyId, t.Level, t.Index });
    }
}
