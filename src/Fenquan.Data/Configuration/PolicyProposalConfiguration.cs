using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fenquan.Data.Configuration;

/// <summary>
/// R40: a unit's policy proposals and their steps, each step its own immutable row. Proposals are a
/// table apart from policy_versions, so nothing that reads the versions in force can take a
/// proposal for one.
/// </summary>
internal sealed class PolicyProposalConfiguration : IEntityTypeConfiguration<PolicyProposal>
{
    public void Configure(EntityTypeBuilder<PolicyProposal> proposal)
    {
        proposal.ToTable("policy_proposals");
        proposal.HasKey(p => p.Id);
        proposal.Property(p => p.Summary).HasMaxLength(300);
        proposal.Property(p => p.ProposedByName).HasMaxLength(100);
        proposal.Ignore(p => p.State);
        proposal.Ignore(p => p.IsOpen);
        proposal.Ignore(p => p.CountyApprovals);
        proposal.Ignore(p => p.VersionId);
        proposal.HasIndex(p => new { p.CountyId, p.UnitId });
        proposal.HasOne<Unit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        proposal.HasMany(p => p.Steps).WithOne().HasForeignKey(s => s.ProposalId);
        proposal.Navigation(p => p.Steps).HasField("_steps").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

/// <summary>One step of a policy proposal: the team's agreement, a county approval, a withdrawal or a supersession.</summary>
internal sealed class PolicyProposalStepConfiguration : IEntityTypeConfiguration<PolicyProposalStep>
{
    public void Configure(EntityTypeBuilder<PolicyProposalStep> step)
    {
        step.ToTable("policy_proposal_steps");
        step.HasKey(s => s.Id);
        step.Property(s => s.ActorAccountId).HasMaxLength(450);
        step.Property(s => s.ActorName).HasMaxLength(300);
        step.Property(s => s.Reference).HasMaxLength(200);
        step.Property(s => s.Reason).HasMaxLength(2000);
        step.HasIndex(s => new { s.ProposalId, s.Sequence }).IsUnique();
    }
}
