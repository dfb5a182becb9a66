using Fenquan.Core.Flags;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fenquan.Data.Configuration;

/// <summary>
/// The purchases the flags of R47 read. The two window indexes are in the scan's order (unit,
/// supplier or category, day, id) and carry the amount and limit, so the inline check at submission
/// and the batch scan both read the index alone; the third counts a unit's purchases of a year.
/// </summary>
internal sealed class PurchaseRecordConfiguration : IEntityTypeConfiguration<PurchaseRecord>
{
    public void Configure(EntityTypeBuilder<PurchaseRecord> purchase)
    {
        purchase.ToTable("purchase_records");
        purchase.HasKey(p => p.Id);
        purchase.Ignore(p => p.SubmittedOn);
        purchase.Ignore(p => p.MatterId);
        purchase.Property(p => p.Category).HasMaxLength(PurchaseRecord.MaxCategory);
        purchase.HasIndex(p => new { p.CountyId, p.UnitId, p.CounterpartyId, p.SubmittedDay, p.Id, p.AmountFen, p.LimitFen }).HasDatabaseName(Operations.FlagScan.SupplierWindowIndex);
        purchase.HasIndex(p => new { p.CountyId, p.UnitId, p.Category, p.SubmittedDay, p.Id, p.AmountFen, p.LimitFen }).HasDatabaseName(Operations.FlagScan.CategoryWindowIndex);
        purchase.HasIndex(p => new { p.CountyId, p.UnitId, p.SubmittedDay }).HasDatabaseName("ix_purchase_records_unit_day");
    }
}
