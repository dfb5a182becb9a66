using Fenquan.Core.Ledger;
using Fenquan.Core.Matters;
using Fenquan.Core.Organization;

namespace Fenquan.Core.Access;

/// <summary>
/// Which ledger entries, with their inclusion proofs, an asker may read as a matter's ledger (R44):
/// those of the matter's own rows — the matter, each action on it, each edit, withdrawal or
/// resubmission — and only when the asker may see the matter (<see cref="MatterAccess.MaySee"/>).
/// A proof names only hashes of other entries, never their content.
/// </summary>
public static class LedgerAccess
{
    /// <summary>The subject ids whose entries make up the matter's ledger.</summary>
    public static IReadOnlySet<Guid> SubjectsOf(Matter matter)
    {
        ArgumentNullException.ThrowIfNull(matter);
        var subjects = new HashSet<Guid> { matter.Id.Value };
        subjects.UnionWith(matter.Actions.Select(a => a.Id.Value));
        subjects.UnionWith(matter.Changes.Select(c => c.Id));
        return subjects;
    }

    /// <summary>
    /// Which entries the asker may read as the matter's ledger: none unless they may see the matter;
    /// otherwise those of the matter's county whose subject is one of <see cref="SubjectsOf"/>.
    /// Computed once, asked per entry.
    /// </summary>
    public static Func<LedgerEntry, bool> EntriesVisibleTo(Asker asker, Matter matter, IOrganizationView org)
    {
        if (!MatterAccess.MaySee(asker, matter, org))
        {
            return _ => false;
        }

        var county = matter.CountyId;
        var subjects = SubjectsOf(matter);
        return entry => entry is not null && entry.County == county && subjects.Contains(entry.SubjectId);
    }

    /// <summary>Whether the asker may read <paramref name="entry"/> as part of the matter's ledger.</summary>
    public static bool MaySee(Asker asker, Matter matter, LedgerEntry entry, IOrganizationView org) =>
        EntriesVisibleTo(asker, matter, org)(entry);

    /// <summary>
    /// R44: a witness's report of a fork or a rollback is shown to those who must act on it — the
    /// county administrators and the county's discipline inspection — not to every signed-in user.
    /// </summary>
    public static bool MaySeeWitnessAlarms(Asker asker, bool isCountyDisciplineInspection)
    {
        ArgumentNullException.ThrowIfNull(asker);
        return asker.IsCountyAdministrator || isCountyDisciplineInspection;
    }
}
