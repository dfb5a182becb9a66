using Fenquan.Core.Finance.Reception;
using Fenquan.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fenquan.Data.Configuration;

/// <summary>Official reception requests (R31) with their guest list and accompanying staff, read by unit.</summary>
internal sealed class ReceptionRequestConfiguration : IEntityTypeConfiguration<ReceptionRequest>
{
    public void Configure(EntityTypeBuilder<ReceptionRequest> request)
    {
        request.ToTable("reception_requests");
        request.HasKey(r => r.Id);
        request.Property(r => r.Letter).HasMaxLength(ReceptionRequest.MaxText);
        request.Property(r => r.SendingOffice).HasMaxLength(ReceptionRequest.MaxText);
        request.Property(r => r.Guests).HasConversion(new StringListConverter(), StringListConverter.Comparer);
        request.Property(r => r.Staff).HasConversion(new PersonIdListConverter(), PersonIdListConverter.Comparer);
        request.HasIndex(r => new { r.CountyId, r.UnitId, r.From });
        request.HasIndex(r => r.ClaimId).IsUnique(); // R31: one claim per reception
    }
}
