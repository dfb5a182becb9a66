using Fenquan.Data.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fenquan.Data.Configuration;

/// <summary>The outbound webhook's delivery log: one row per notification, found by what is still due.</summary>
internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> delivery)
    {
        delivery.ToTable("webhook_deliveries");
        delivery.HasKey(d => d.Id);
        delivery.HasIndex(d => d.NotificationId).IsUnique();
        delivery.HasIndex(d => new { d.CountyId, d.NextAttemptAt });
        delivery.Property(d => d.LastError).HasMaxLength(WebhookDelivery.MaxError);
    }
}
