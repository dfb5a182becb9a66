using Fenquan.Core.Licensing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fenquan.Data.Configuration;

/// <summary>What happened to an application, one immutable row each (R24, R46).</summary>
internal sealed class ApplicationEventConfiguration : IEntityTypeConfiguration<ApplicationEvent>
{
    public void Configure(EntityTypeBuilder<ApplicationEvent> e)
    {
        e.ToTable("approval_application_events");
        e.HasKey(x => x.Id);
        e.Property(x => x.Text).HasMaxLength(8000);
        e.HasIndex(x => x.ApplicationId);
    }
}
