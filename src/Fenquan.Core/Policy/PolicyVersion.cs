using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Policy;

/// <summary>
/// A published version of a unit's policy (R40, R41): the policy document as JSON in the
/// documented format, the number, and the date it takes effect. Immutable once published; a change
/// is a new version. Matters freeze the version in force when they are submitted.
/// </summary>
public sealed class PolicyVersion
{
    private PolicyVersion()
    {
        DocumentJson = string.Empty;
    }

    private PolicyVersion(PolicyVersionId id, CountyId countyId, UnitId unitId, int number, DateOnly effectiveFrom, string documentJson, DateTimeOffset publishedAt)
    {
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

    /// <summary>
    /// R40: a version is published only when the verifier found nothing wrong; the caller passes the
    /// verifier's failures (empty when clean) so this method cannot be reached around the check.
    /// </summary>
    public static Result<PolicyVersion> Publish(
        Unit unit,
        int number,
        DateOnly effectiveFrom,
        string documentJson,
        IReadOnlyCollection<string> verifierFailures,
        DateTimeOffset now)
    {
        if (verifierFailures.Count > 0)
        {
            return Result<PolicyVersion>.Refused("R40", "the policy failed verification: " + string.Join("; ", verifierFailures));
        }

        if (number < 1)
        {
            return Result<PolicyVersion>.Refused("R40", "a policy version number starts at 1");
        }

        return Result<PolicyVersion>.Ok(new PolicyVersion(PolicyVersionId.New(), unit.CountyId, unit.Id, number, effectiveFrom, documentJson, now));
    }

    /// <summary>R41: the version in force on a date is the latest published one that has taken effect.</summary>
    public static PolicyVersion? InForceOn(IEnumerable<PolicyVersion> versions, DateOnly date) =>
        versions.Where(v => v.EffectiveFrom <= date).OrderByDescending(v => v.EffectiveFrom).ThenByDescending(v => v.Number).FirstOrDefault();
}
