using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Policy;

/// <summary>
/// A published version of a unit's policy (R40, R41): the policy document as JSON in the
/// documented format, the number, and the date it takes effect. Immutable once published; a change
/// is a new version. Matters freeze the version in force when they are submitted. Only an approved
/// <see cref="PolicyProposal"/> becomes a version (proposals live in their own table, so nothing
/// that reads versions can take one for the policy in force); the one exception is
/// <see cref="Bootstrap"/>, the first version of a unit set up with the county.
/// </summary>
public sealed class PolicyVersion
{
    private PolicyVersion()
    {
        DocumentJson = string.Empty;
    }

    private PolicyVersion(PolicyVersionId id, CountyId countyId, UnitId unitId, int number, DateOnly effectiveFrom, string documentJson, DateTimeOffset publishedAt, PolicyProposalId? proposalId)
    {
        ProposalId = proposalId;
        Id = id;
        CountyId = countyId;
        UnitId = unitId;
        Number = number;
        EffectiveFrom = effectiveFrom;
        DocumentJson = documentJson;
        PublishedAt = publishedAt;
    }

    public PolicyVersionId Id { get; private set; }

    public CountyId CountyId { get; private set; }

    public UnitId UnitId { get; private set; }

    public int Number { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    /// <summary>The policy document in the format of docs/policy-format.md.</summary>
    public string DocumentJson { get; private set; }

    public DateTimeOffset PublishedAt { get; private set; }

    /// <summary>The proposal whose county approval published it; null for the unit's bootstrap version.</summary>
    public PolicyProposalId? ProposalId { get; private set; }

    /// <summary>
    /// R40: the unit's first version, set up with the county (the demo and seeds) before any team
    /// or county official can go through <see cref="PolicyProposal"/>. It is number 1 only: every
    /// later version is proposed, agreed in a meeting and approved at the county. The caller passes
    /// the verifier's failures (empty when clean) so this method cannot be reached around the check.
    /// </summary>
    public static Result<PolicyVersion> Bootstrap(
        Unit unit,
        int number,
        DateOnly effectiveFrom,
        string documentJson,
        IReadOnlyCollection<string> verifierFailures,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(verifierFailures);
        if (verifierFailures.Count > 0)
        {
            return Refusal.Because("R40", "FailedVerification", "The policy failed verification and cannot be proposed: {failures}", ("failures", string.Join("; ", verifierFailures)));
        }

        if (number != 1)
        {
            return Refusal.Because("R40", "BootstrapOnlyFirst", "{unit} already has a policy; a new version is proposed by the unit administrator, agreed by the team in a meeting and approved by the county.", ("unit", unit.Name));
        }

        return Result<PolicyVersion>.Ok(new PolicyVersion(PolicyVersionId.New(), unit.CountyId, unit.Id, number, effectiveFrom, documentJson, now, null));
    }

    /// <summary>The version the county's second approval publishes (see <see cref="PolicyProposal.ApproveAtCounty"/>).</summary>
    internal static PolicyVersion FromProposal(PolicyProposal proposal, int number, DateOnly effectiveFrom, DateTimeOffset now)
    {
        // The document says its own number and the date it really takes effect.
        var document = PolicyJson.Parse(proposal.DocumentJson).Value with { Version = number, EffectiveFrom = effectiveFrom };
        return new(PolicyVersionId.New(), proposal.CountyId, proposal.UnitId, number, effectiveFrom, PolicyJson.Write(document), now, proposal.Id);
    }

    /// <summary>R41: the version in force on a date is the latest published one that has taken effect (R40: proposals are not versions and never count).</summary>
    public static PolicyVersion? InForceOn(IEnumerable<PolicyVersion> versions, DateOnly date) =>
        versions.Where(v => v.EffectiveFrom <= date).OrderByDescending(v => v.EffectiveFrom).ThenByDescending(v => v.Number).FirstOrDefault();
}
