using Fenquan.Core.Meetings;
using Fenquan.Core.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fenquan.Data.Configuration;

/// <summary>A county's rules of decision (R43), one immutable row per version; meetings freeze the version in force.</summary>
internal sealed class CountyDecisionRulesConfiguration : IEntityTypeConfiguration<CountyDecisionRules>
{
    public void Configure(EntityTypeBuilder<CountyDecisionRules> rules)
    {
        rules.ToTable("county_decision_rules");
        rules.HasKey(r => r.Id);
        rules.Property(r => r.Rules).HasConversion(new DecisionRulesConverter(), MeetingJson.Comparer<DecisionRules>());
        rules.Property(r => r.SetBy).HasMaxLength(200);
        rules.HasIndex(r => new { r.CountyId, r.Version }).IsUnique();
        rules.HasOne<County>().WithMany().HasForeignKey(r => r.CountyId).OnDelete(DeleteBehavior.Restrict);
    }
}
