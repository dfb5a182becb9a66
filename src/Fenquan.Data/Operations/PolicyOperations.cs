using System.Collections.Concurrent;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Data.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Operations;

/// <summary>Publishing unit policies (R40) and finding the one in force for a matter (R41).</summary>
public sealed class PolicyOperations(LedgerWriter writer)
{
    // Published versions never change, so their compiled routers are shared for the life of the process.
    private static readonly ConcurrentDictionary<PolicyVersionId, PolicyRouter> Routers = new();

    /// <summary>
    /// R40: checks the policy (complete, within the county's bounds, safe) and publishes it as the
    /// unit's next version only when the verifier finds nothing; otherwise the refusal lists every
    /// failure with its counterexample.
    /// </summary>
    public Task<Result<PolicyVersion>> PublishAsync(CountyId county, UnitId unit, PolicyDocument document) =>
        writer.ExecuteAsync(county, "policy.published", ctx =>
        {
            var target = ctx.Db.Units.AsNoTracking().SingleOrDefault(u => u.Id == unit && u.CountyId == county);
            var bounds = ctx.Db.Counties.AsNoTracking().Where(c => c.Id == county).Select(c => c.Bounds).SingleOrDefault();
            if (target is null || bounds is null)
            {
                return Refusal.NotFound($"Unit {unit}");
            }

            var verification = PolicyVerifier.Verify(document, bounds);
            var number = (ctx.Db.PolicyVersions.AsNoTracking().Where(v => v.UnitId == unit).Max(v => (int?)v.Number) ?? 0) + 1;
            var published = PolicyVersion.Publish(
                target,
                number,
                document.EffectiveFrom,
                PolicyJson.Write(document with { Version = number }),
                [.. verification.Failures.Select(f => f.ToString())],
                ctx.Now);
            if (published.IsOk)
            {
                ctx.Db.PolicyVersions.Add(published.Value);
            }

            return published;
        });

    /// <summary>R41: the router of the version in force for the unit on the date, or a refusal when none is.</summary>
    public static Result<(PolicyVersion Version, PolicyRouter Router)> InForce(FenquanDbContext db, CountyId county, UnitId unit, DateOnly date)
    {
        var versions = db.PolicyVersions.AsNoTracking().Where(v => v.CountyId == county && v.UnitId == unit).ToList();
        var version = PolicyVersion.InForceOn(versions, date);
        if (version is null)
        {
            return Result<(PolicyVersion, PolicyRouter)>.Refused("R40", $"No policy of this unit is in force on {date:yyyy-MM-dd}: publish one first.");
        }

        return Result<(PolicyVersion, PolicyRouter)>.Ok((version, RouterOf(version)));
    }

    /// <summary>The compiled router of a published version (R41: matters keep theirs for life).</summary>
    public static PolicyRouter RouterOf(PolicyVersion version) =>
        Routers.GetOrAdd(version.Id, _ => PolicyRouter.Compile(PolicyJson.Parse(version.DocumentJson).Value));
}
