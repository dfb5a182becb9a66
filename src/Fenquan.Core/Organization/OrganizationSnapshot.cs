using Fenquan.Core.Primitives;

namespace Fenquan.Core.Organization;

/// <summary>
/// An in-memory <see cref="IOrganizationView"/> of one county, built from its memberships and
/// portfolio assignments (whole history, ended rows included). Indexed by unit, then by person and
/// by area, so a lookup scans only the few rows of one person or one area.
/// </summary>
public sealed class OrganizationSnapshot : IOrganizationView
{
    private readonly Dictionary<UnitId, UnitIndex> _units = [];
    private readonly Dictionary<PersonId, List<Membership>> _byPerson = [];
    private readonly Dictionary<PersonId, string> _names = [];

    public OrganizationSnapshot(
        CountyId countyId,
        IEnumerable<Membership> memberships,
        IEnumerable<PortfolioAssignment> assignments,
        IEnumerable<Person>? people = null)
    {
        ArgumentNullException.ThrowIfNull(memberships);
        ArgumentNullException.ThrowIfNull(assignments);
        CountyId = countyId;

        foreach (var membership in memberships)
        {
            if (membership.CountyId != countyId)
            {
                // A snapshot is one county's: a row of another county here is a bug, not a refusal.
                throw new ArgumentException($"Membership {membership.Id} belongs to county {membership.CountyId}, not {countyId}.", nameof(memberships));
            }

            Index(membership.UnitId).Add(membership);
            if (!_byPerson.TryGetValue(membership.PersonId, out var list))
            {
                _byPerson[membership.PersonId] = list = [];
            }

            list.Add(membership);
        }

        foreach (var assignment in assignments)
        {
            if (assignment.CountyId != countyId)
            {
                throw new ArgumentException($"Assignment {assignment.Id} belongs to county {assignment.CountyId}, not {countyId}.", nameof(assignments));
            }

            Index(assignment.UnitId).Add(assignment);
        }

        foreach (var person in people ?? [])
        {
            _names[person.Id] = person.Name;
        }
    }

    public CountyId CountyId { get; }

    public bool HoldsRole(UnitId unit, PersonId person, Role role, DateOnly date) =>
        _units.TryGetValue(unit, out var index)
        && index.MembershipsOf(person).Any(m => m.Role == role && m.IsInForceOn(date));

    public IReadOnlyList<Role> RolesOf(UnitId unit, PersonId person, DateOnly date) =>
        _units.TryGetValue(unit, out var index)
            ? index.MembershipsOf(person).Where(m => m.IsInForceOn(date)).Select(m => m.Role).Distinct().ToList()
            : [];

    public PersonId? DeputyInCharge(UnitId unit, Area area, DateOnly date)
    {
        if (!_units.TryGetValue(unit, out var index) || !index.ByArea.TryGetValue(area, out var list))
        {
            return null;
        }

        foreach (var assignment in list)
        {
            if (assignment.IsInForceOn(date))
            {
                return assignment.DeputyId;
            }
        }

        return null;
    }

    public IReadOnlyList<Area> AreasInChargeOf(UnitId unit, PersonId person, DateOnly date) =>
        _units.TryGetValue(unit, out var index)
            ? index.ByArea.Where(kv => kv.Value.Any(a => a.DeputyId == person && a.IsInForceOn(date))).Select(kv => kv.Key).Order().ToList()
            : [];

    public IReadOnlyList<PersonId> Principals(UnitId unit, DateOnly date) => PeopleWithRole(unit, Role.Principal, date);

    public IReadOnlyList<PersonId> TeamMembers(UnitId unit, DateOnly date) =>
        _units.TryGetValue(unit, out var index)
            ? index.Memberships.Where(m => m.Role is Role.Principal or Role.Deputy && m.IsInForceOn(date)).Select(m => m.PersonId).Distinct().ToList()
            : [];

    public IReadOnlyList<PersonId> PeopleWithRole(UnitId unit, Role role, DateOnly date) =>
        _units.TryGetValue(unit, out var index)
            ? index.Memberships.Where(m => m.Role == role && m.IsInForceOn(date)).Select(m => m.PersonId).Distinct().ToList()
            : [];

    public UnitId? UnitOf(PersonId person, DateOnly date) =>
        _byPerson.TryGetValue(person, out var list)
            ? list.Where(m => m.IsInForceOn(date)).OrderByDescending(m => m.From).Select(m => (UnitId?)m.UnitId).FirstOrDefault()
            : null;

    public bool BelongsTo(UnitId unit, PersonId person, DateOnly date) =>
        _units.TryGetValue(unit, out var index) && index.MembershipsOf(person).Any(m => m.IsInForceOn(date));

    public string NameOf(PersonId person) => _names.TryGetValue(person, out var name) ? name : person.ToString();

    private UnitIndex Index(UnitId unit)
    {
        if (!_units.TryGetValue(unit, out var index))
        {
            _units[unit] = index = new UnitIndex();
        }

        return index;
    }

    private sealed class UnitIndex
    {
        private readonly Dictionary<PersonId, List<Membership>> _byPerson = [];

        public List<Membership> Memberships { get; } = [];

        public Dictionary<Area, List<PortfolioAssignment>> ByArea { get; } = [];

        public IReadOnlyList<Membership> MembershipsOf(PersonId person) =>
            _byPerson.TryGetValue(person, out var list) ? list : [];

        public void Add(Membership membership)
        {
            Memberships.Add(membership);
            if (!_byPerson.TryGetValue(membership.PersonId, out var list))
            {
                _byPerson[membership.PersonId] = list = [];
            }

            list.Add(membership);
        }

        public void Add(PortfolioAssignment assignment)
        {
            if (!ByArea.TryGetValue(assignment.Area, out var list))
            {
                ByArea[assignment.Area] = list = [];
            }

            list.Add(assignment);
        }
    }
}
