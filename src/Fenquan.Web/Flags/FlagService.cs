using Fenquan.Core.Flags;
using Fenquan.Core.Matters;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Web.Access;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Web.Flags;

/// <summary>
/// Red flags (R47) for pages and the API: the flags on a matter the viewer sees, clearing one with a
/// reason, and the counts per unit. The core decides who may clear (<see cref="FlagAccess"/>) and who
/// sees which counts; the writer ledgers; this only translates.
/// </summary>
public sealed class FlagService(DbSession session, FlagOperations operations)
{
    public const int MaxListed = 200;

    /// <summary>The flags of a matter the viewer sees (the caller has checked that), with the other matters of a split named.</summary>
    public FlagsPanel Of(Viewer viewer, Matter matter)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(matter);
        var flags = FlagOperations.Of(session.Db, matter.CountyId, matter.Id);
        return new FlagsPanel(matter, flags, TitlesOf(matter.CountyId, flags.SelectMany(f => f.RelatedMatters)),
            viewer.Org is { } org && FlagAccess.MayClear(viewer.Asker, matter, org), person => viewer.Org?.NameOf(person) ?? person.ToString());
    }

    /// <summary>Clears a flag on a matter the viewer sees; NotFound for a flag on any other matter.</summary>
    public async Task<FlagOutcome> ClearAsync(Viewer viewer, Guid matterId, Guid flagId, string? reason)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.Person is not { } me)
        {
            return new(Refusal.NotFound("Flag " + flagId.ToString("D")), false);
        }

        var seen = false;
        var result = await operations.ClearAsync(viewer.County, flagId, me, reason, m =>
        {
            seen = m.Id.Value == matterId && viewer.MaySee(m);
            return seen;
        });
        return new(result, !result.IsOk && seen && result.Refusal!.Key is "R47.MayNotClearFlag" or "R47.SubmitterClearsFlag");
    }

    /// <summary>The counts per unit and the flagged matters the viewer may see counted (county or own unit); null when none.</summary>
    public async Task<FlagOverview?> OverviewAsync(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var inspection = await session.Db.Counties.AsNoTracking().Where(c => c.Id == viewer.County).Select(c => c.DisciplineInspectionId).SingleOrDefaultAsync();
        var units = FlagAccess.UnitsCounted(viewer.Asker, viewer.Person is not null && viewer.Person == inspection);
        if (units is { Count: 0 })
        {
            return null;
        }

        var names = await session.Db.Units.AsNoTracking().Where(u => u.CountyId == viewer.County).ToDictionaryAsync(u => u.Id, u => u.Name);
        var flags = FlagOperations.OfUnits(session.Db, viewer.County, units, MaxListed);
        return new FlagOverview(
            [.. FlagOperations.Counts(session.Db, viewer.County, units).Select(c => new UnitFlagCount(c.Unit.Value, names.GetValueOrDefault(c.Unit, "?"), c.Kind, c.Raised, c.Open))],
            flags, TitlesOf(viewer.County, flags.Select(f => f.MatterId)), names.ToDictionary(p => p.Key.Value, p => p.Value));
    }

    private Dictionary<Guid, string> TitlesOf(CountyId county, IEnumerable<MatterId> ids)
    {
        var wanted = ids.Distinct().ToList();
        return wanted.Count == 0 ? [] : session.Db.Matters.AsNoTracking().Where(m => m.CountyId == county && wanted.Contains(m.Id))
            .Select(m => new { m.Id, m.Title }).AsEnumerable().ToDictionary(m => m.Id.Value, m => m.Title);
    }
}

/// <summary>A clearing's outcome; <see cref="Forbidden"/> when the viewer sees the matter but may not clear its flag (403).</summary>
public sealed record FlagOutcome(Result<RedFlag> Result, bool Forbidden);

/// <summary>The flags panel of a matter's page: its flags, the titles of the matters they name, and whether the viewer may clear them.</summary>
public sealed record FlagsPanel(Matter Matter, IReadOnlyList<RedFlag> Flags, IReadOnlyDictionary<Guid, string> Titles, bool MayClear, Func<PersonId, string> NameOf);

/// <summary>A unit's flags of one kind: raised and still open.</summary>
public sealed record UnitFlagCount(Guid UnitId, string Unit, RedFlagKind Kind, int Raised, int Open);

/// <summary>The county's (or a unit's) counts and its latest flags.</summary>
public sealed record FlagOverview(IReadOnlyList<UnitFlagCount> Counts, IReadOnlyList<RedFlag> Flags, IReadOnlyDictionary<Guid, string> Titles, IReadOnlyDictionary<Guid, string> Units);
