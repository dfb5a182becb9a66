using System.Globalization;
using Fenquan.Core.Primitives;
using T = Fenquan.Core.Organization.Import.ImportTemplate;

namespace Fenquan.Core.Organization.Import;

/// <summary>
/// Plans an organisation import (R1–R3): reads every row of every sheet, keys people by staff number
/// or ID number (never by name), and checks each membership and portfolio assignment with
/// <see cref="TeamRules"/> and <see cref="PortfolioRules"/> against the organisation as it would be
/// with the rows before it — so the whole file is checked before anything is written. A row that
/// restates what is already recorded changes nothing; a row that differs becomes a dated change (the
/// membership or assignment in force is ended on the row's date and a new one starts), never an
/// overwrite; a row that would rewrite a period in place is refused.
/// </summary>
public sealed partial class OrganizationImport
{
    private readonly CountyId _county;
    private readonly CountyBounds _bounds;
    private readonly List<ImportProblem> _problems = [];
    private readonly Dictionary<string, Unit> _units = new(StringComparer.Ordinal);
    private readonly Dictionary<(UnitId, string), Section> _sections = [];
    private readonly Dictionary<string, PersonId> _byStaffNumber = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PersonId> _byIdNumber = new(StringComparer.Ordinal);
    private readonly Dictionary<PersonId, (string Name, string? Staff, string? Id)> _people = [];
    private readonly Dictionary<UnitId, List<Membership>> _memberships = [];
    private readonly Dictionary<UnitId, List<PortfolioAssignment>> _assignments = [];
    private readonly HashSet<Guid> _existingPeriods = [];
    private readonly HashSet<PersonId> _existingPeople = [];
    private readonly HashSet<PersonId> _namedInFile = [];
    private readonly List<Unit> _newUnits = [];
    private readonly List<Section> _newSections = [];
    private readonly Dictionary<PersonId, Person> _newPeople = [];
    private readonly Dictionary<PersonId, PersonChange> _personChanges = [];
    private readonly Dictionary<Guid, Membership> _newMemberships = [];
    private readonly Dictionary<Guid, DateOnly> _endedMemberships = [];
    private readonly Dictionary<Guid, PortfolioAssignment> _newAssignments = [];
    private readonly Dictionary<Guid, DateOnly> _endedAssignments = [];

    private OrganizationImport(CountyId county, CountyBounds bounds, ExistingOrganization existing)
    {
        _county = county;
        _bounds = bounds;
        foreach (var unit in existing.Units)
        {
            _units[unit.Name] = unit;
        }

        foreach (var section in existing.Sections)
        {
            _sections[(section.UnitId, section.Name)] = section;
        }

        foreach (var person in existing.People)
        {
            _people[person.Id] = (person.Name, person.StaffNumber, person.IdNumber);
            _existingPeople.Add(person.Id);
            if (person.StaffNumber is not null)
            {
                _byStaffNumber[person.StaffNumber] = person.Id;
            }

            if (person.IdNumber is not null)
            {
                _byIdNumber[person.IdNumber] = person.Id;
            }
        }

        foreach (var membership in existing.Memberships)
        {
            ListOf(_memberships, membership.UnitId).Add(membership);
            _existingPeriods.Add(membership.Id);
        }

        foreach (var assignment in existing.Assignments)
        {
            ListOf(_assignments, assignment.UnitId).Add(assignment);
            _existingPeriods.Add(assignment.Id);
        }
    }

    /// <summary>The plan for the file against the county's organisation and bounds: its changes, or every refused row.</summary>
    public static ImportPlan Plan(CountyId county, ImportFile file, ExistingOrganization existing, CountyBounds bounds, ExistingReferenceData? reference = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(bounds);
        var import = new OrganizationImport(county, bounds, existing) { _reference = reference };

        // In this order: each kind names rows of the kinds before it.
        import.Each(file, ImportKind.Units, import.Unit);
        import.Each(file, ImportKind.Sections, import.Section);
        import.Each(file, ImportKind.People, import.Person);
        import.Each(file, ImportKind.Memberships, import.Membership);
        import.Each(file, ImportKind.Portfolios, import.Portfolio);
        import.ReferenceData(file);
        return import.Result();
    }

    /// <summary>Role names as the template writes them (the interface's Chinese names), or the English ones.</summary>
    public static IReadOnlyDictionary<string, Role> RoleNames { get; } = new Dictionary<string, Role>(StringComparer.OrdinalIgnoreCase)
    {
        ["正职"] = Role.Principal,
        ["副职"] = Role.Deputy,
        ["办公室审核"] = Role.OfficeReviewer,
        ["办公室"] = Role.OfficeReviewer,
        ["股室负责人"] = Role.SectionHead,
        ["财务人员"] = Role.FinanceStaff,
        ["纪检"] = Role.DisciplineMember,
        ["工作人员"] = Role.Staff,
    };

    public static IReadOnlyDictionary<string, Area> AreaNames { get; } = new Dictionary<string, Area>(StringComparer.OrdinalIgnoreCase)
    {
        ["财务"] = Area.Finance,
        ["人事"] = Area.Personnel,
        ["物资采购"] = Area.Procurement,
        ["采购"] = Area.Procurement,
        ["工程建设"] = Area.Construction,
        ["行政审批"] = Area.AdministrativeApproval,
        ["执法"] = Area.LawEnforcement,
    };

    /// <summary>A date as the template writes it (yyyy-MM-dd; also yyyy/M/d and yyyy.M.d as spreadsheets show them).</summary>
    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private void Each(ImportFile file, ImportKind kind, Action<string, ImportRow> row)
    {
        foreach (var sheet in file.Sheets.Where(s => s.Kind == kind))
        {
            foreach (var r in sheet.Rows)
            {
                row(sheet.Name, r);
            }
        }
    }

    private void Unit(string sheet, ImportRow row)
    {
        var name = Required(sheet, row, T.UnitName, 200);
        var kindText = Required(sheet, row, T.UnitKind, 10);
        if (name is null || kindText is null)
        {
            return;
        }

        UnitKind? kind = kindText switch
        {
            "部门" or "Department" => UnitKind.Department,
            "乡镇" or "Township" => UnitKind.Township,
            _ => null,
        };
        if (kind is null)
        {
            Problem(sheet, row, T.UnitKind, Refusal.Because("R1", "UnknownUnitKind", "{kind} is not a kind of unit: 部门 (department) or 乡镇 (township).", ("kind", kindText)));
            return;
        }

        if (_units.TryGetValue(name, out var existing))
        {
            if (existing.Kind != kind)
            {
                Problem(sheet, row, T.UnitKind, Refusal.Because("R1", "UnitKindChanged", "{unit} is recorded as a {recorded}; a unit's kind is not changed by an import.",
                    ("unit", name), ("recorded", existing.Kind.ToString())));
            }

            return;
        }

        var unit = new Unit(UnitId.New(), _county, name, kind.Value);
        _units[name] = unit;
        _newUnits.Add(unit);
    }

    private void Section(string sheet, ImportRow row)
    {
        var unit = UnitOf(sheet, row);
        var name = Required(sheet, row, T.SectionName, Organization.Section.MaxName);
        if (unit is null || name is null || _sections.ContainsKey((unit.Id, name)))
        {
            return;
        }

        var section = new Section(Guid.CreateVersion7(), _county, unit.Id, name);
        _sections[(unit.Id, name)] = section;
        _newSections.Add(section);
    }

    private void Person(string sheet, ImportRow row)
    {
        var staff = PersonNumbers.NormaliseStaffNumber(row[T.StaffNumber]);
        var id = PersonNumbers.NormaliseIdNumber(row[T.IdNumber]);
        var name = Required(sheet, row, T.PersonName, 100);
        if (!staff.IsOk)
        {
            Problem(sheet, row, T.StaffNumber, staff.Refusal!);
        }

        if (!id.IsOk)
        {
            Problem(sheet, row, T.IdNumber, id.Refusal!);
        }

        if (!staff.IsOk || !id.IsOk || name is null)
        {
            return;
        }

        if (staff.Value is null && id.Value is null)
        {
            Problem(sheet, row, T.StaffNumber, Refusal.Because("R1", "PersonNumberMissing", "{name} has neither a staff number nor an ID number; people are known by a number, never by name.", ("name", name)));
            return;
        }

        PersonId? byStaff = staff.Value is not null && _byStaffNumber.TryGetValue(staff.Value, out var s) ? s : null;
        PersonId? byId = id.Value is not null && _byIdNumber.TryGetValue(id.Value, out var i) ? i : null;
        if (byStaff is not null && byId is not null && byStaff != byId)
        {
            Problem(sheet, row, T.IdNumber, Refusal.Because("R1", "NumbersOfTwoPeople", "Staff number {staff} and this ID number belong to two different people ({first} and {second}).",
                ("staff", staff.Value!), ("first", Describe(byStaff.Value)), ("second", Describe(byId.Value))));
            return;
        }

        if ((byStaff ?? byId) is not { } found)
        {
            var person = new Person(PersonId.New(), _county, name, staff.Value, id.Value);
            _newPeople[person.Id] = person;
            _people[person.Id] = (name, staff.Value, id.Value);
            _namedInFile.Add(person.Id);
            if (staff.Value is not null)
            {
                _byStaffNumber[staff.Value] = person.Id;
            }

            if (id.Value is not null)
            {
                _byIdNumber[id.Value] = person.Id;
            }

            return;
        }

        var known = _people[found];
        if ((staff.Value is not null && known.Staff is not null && known.Staff != staff.Value) || (id.Value is not null && known.Id is not null && known.Id != id.Value))
        {
            Problem(sheet, row, staff.Value is not null && known.Staff != staff.Value ? T.StaffNumber : T.IdNumber,
                Refusal.Because("R1", "PersonNumberChanged", "{person} is recorded with other numbers; a person's staff number or ID number is their key and is not changed by an import.", ("person", Describe(found))));
            return;
        }

        if (!_namedInFile.Add(found) && known.Name != name)
        {
            Problem(sheet, row, T.PersonName, Refusal.Because("R1", "PersonTwiceInFile", "{person} is named twice in the file with different names.", ("person", Describe(found))));
            return;
        }

        var addsStaff = known.Staff is null && staff.Value is not null;
        var addsId = known.Id is null && id.Value is not null;
        if (known.Name == name && !addsStaff && !addsId)
        {
            return;
        }

        _people[found] = (name, known.Staff ?? staff.Value, known.Id ?? id.Value);
        if (addsStaff)
        {
            _byStaffNumber[staff.Value!] = found;
        }

        if (addsId)
        {
            _byIdNumber[id.Value!] = found;
        }

        if (_newPeople.ContainsKey(found))
        {
            _newPeople[found] = new Person(found, _county, name, known.Staff ?? staff.Value, known.Id ?? id.Value);
            return;
        }

        var earlier = _personChanges.GetValueOrDefault(found);
        _personChanges[found] = new PersonChange(found, known.Name != name ? name : earlier?.NewName,
            addsStaff ? staff.Value : earlier?.StaffNumber, addsId ? id.Value : earlier?.IdNumber);
    }

    private void Membership(string sheet, ImportRow row)
    {
        var unit = UnitOf(sheet, row);
        var person = PersonOf(sheet, row, T.PersonKey);
        var role = Parse(sheet, row, T.Role, RoleNames, value => Refusal.Because("R1", "UnknownRole", "{value} is not a role: 正职, 副职, 办公室审核, 股室负责人, 财务人员, 纪检 or 工作人员.", ("value", value)));
        var from = Date(sheet, row, T.From, required: true);
        var until = DateCell(sheet, row, T.Until, required: false);
        Guid? sectionId = null;
        if (unit is not null && row[T.Section] is { } sectionName)
        {
            if (_sections.TryGetValue((unit.Id, sectionName), out var section))
            {
                sectionId = section.Id;
            }
            else
            {
                Problem(sheet, row, T.Section, Refusal.Because("R1", "UnknownSection", "{unit} has no section {section}; list it on the sections sheet (股室).", ("unit", unit.Name), ("section", sectionName)));
                return;
            }
        }

        if (unit is null || person is null || role is null || from is null || !until.Ok)
        {
            return;
        }

        var list = ListOf(_memberships, unit.Id);
        var current = list.FirstOrDefault(m => m.PersonId == person && m.Role == role && (m.From == from || (m.From < from && m.IsInForceOn(from.Value))));
        var end = until.Date;
        if (current is not null && current.SectionId == sectionId && (end is null || end == current.Until))
        {
            return; // restates what is recorded (an empty 截止日期 never reopens an ended period)
        }

        if (current is not null && current.From == from)
        {
            if (current.SectionId == sectionId && current.Until is null && end > from)
            {
                EndMembership(list, current, end.Value);
                return;
            }

            Problem(sheet, row, current.SectionId != sectionId ? T.Section : T.Until, Refusal.Because("R1", "ChangedInPlace",
                "The {role} membership of {person} from {from} is recorded otherwise; a change is a new row from the date it takes effect, never an overwrite.",
                ("role", role.Value.ToString()), ("person", Describe(person.Value)), ("from", TeamRules.D(from.Value))));
            return;
        }

        var proposed = new Membership(Guid.CreateVersion7(), _county, unit.Id, person.Value, role.Value, from.Value, end, sectionId);
        var others = current is null ? list : list.Select(m => m == current ? Ended(m, from.Value) : m).ToList();
        var check = TeamRules.CheckMembership(proposed, others, Describe);
        if (!check.IsOk)
        {
            Problem(sheet, row, T.Role, check.Refusal!);
            return;
        }

        if (current is not null)
        {
            EndMembership(list, current, from.Value);
        }

        list.Add(proposed);
        _newMemberships[proposed.Id] = proposed;
    }

    private void Portfolio(string sheet, ImportRow row)
    {
        var unit = UnitOf(sheet, row);
        var area = Parse(sheet, row, T.Area, AreaNames, value => Refusal.Because("R2", "UnknownArea", "{value} is not a restricted area: 财务, 人事, 物资采购, 工程建设, 行政审批 or 执法.", ("value", value)));
        var deputy = PersonOf(sheet, row, T.DeputyKey);
        var from = Date(sheet, row, T.From, required: true);
        if (unit is null || area is null || deputy is null || from is null)
        {
            return;
        }

        var list = ListOf(_assignments, unit.Id);
        var current = list.FirstOrDefault(a => a.Area == area && a.IsInForceOn(from.Value));
        if (current is not null && current.DeputyId == deputy)
        {
            return;
        }

        if (current is not null && current.From == from)
        {
            Problem(sheet, row, T.DeputyKey, Refusal.Because("R3", "ChangedInPlace",
                "{area} is recorded as assigned to {holder} from {from}; a new deputy takes charge from a later date, never by overwriting.",
                ("area", area.Value.ToString()), ("holder", Describe(current.DeputyId)), ("from", TeamRules.D(from.Value))));
            return;
        }

        var proposed = new PortfolioAssignment(Guid.CreateVersion7(), _county, unit.Id, area.Value, deputy.Value, from.Value);
        var check = PortfolioRules.CheckAssignment(proposed, list, ListOf(_memberships, unit.Id), _bounds, Describe);
        if (!check.IsOk)
        {
            Problem(sheet, row, check.Refusal!.Key is "R3.NotRestrictedArea" ? T.Area : T.DeputyKey, check.Refusal!);
            return;
        }

        if (current is not null)
        {
            var index = list.IndexOf(current);
            list[index] = new PortfolioAssignment(current.Id, current.CountyId, current.UnitId, current.Area, current.DeputyId, current.From, from.Value);
            Ended(_newAssignments, _endedAssignments, list[index], from.Value);
        }

        list.Add(proposed);
        _newAssignments[proposed.Id] = proposed;
    }

    private void EndMembership(List<Membership> list, Membership current, DateOnly until)
    {
        var index = list.IndexOf(current);
        list[index] = Ended(current, until);
        Ended(_newMemberships, _endedMemberships, list[index], until);
    }

    // A period the file ends: an existing row is ended when written; one this file adds is added already ended.
    private void Ended<TPeriod>(Dictionary<Guid, TPeriod> added, Dictionary<Guid, DateOnly> ended, TPeriod period, DateOnly until)
        where TPeriod : class
    {
        var id = period switch
        {
            Membership m => m.Id,
            PortfolioAssignment a => a.Id,
            _ => throw new ArgumentException("Not a period.", nameof(period)),
        };
        if (_existingPeriods.Contains(id))
        {
            ended[id] = until;
        }
        else
        {
            added[id] = period;
        }
    }

    private static Membership Ended(Membership m, DateOnly until) =>
        new(m.Id, m.CountyId, m.UnitId, m.PersonId, m.Role, m.From, until, m.SectionId);

    private Unit? UnitOf(string sheet, ImportRow row)
    {
        var name = Required(sheet, row, T.UnitName, 200);
        if (name is null)
        {
            return null;
        }

        if (_units.TryGetValue(name, out var unit))
        {
            return unit;
        }

        Problem(sheet, row, T.UnitName, Refusal.Because("R1", "UnknownUnit", "The county has no unit {unit}; list it on the units sheet (单位).", ("unit", name)));
        return null;
    }

    // A person named by staff number or ID number: a staff number is tried first, then an ID number.
    private PersonId? PersonOf(string sheet, ImportRow row, string column)
    {
        var key = Required(sheet, row, column, 40);
        if (key is null)
        {
            return null;
        }

        if (PersonNumbers.NormaliseStaffNumber(key) is { IsOk: true, Value: { } staff } && _byStaffNumber.TryGetValue(staff, out var byStaff))
        {
            return byStaff;
        }

        if (PersonNumbers.NormaliseIdNumber(key) is { IsOk: true, Value: { } id } && _byIdNumber.TryGetValue(id, out var byId))
        {
            return byId;
        }

        Problem(sheet, row, column, Refusal.Because("R1", "UnknownPerson", "Nobody in the county has the staff number or ID number {key}; list the person on the people sheet (人员).",
            ("key", PersonNumbers.NormaliseIdNumber(key).IsOk ? Counterparties.CounterpartyIdentifier.Masked(Counterparties.CounterpartyKind.Individual, key.ToUpperInvariant()) : key)));
        return null;
    }

    private TValue? Parse<TValue>(string sheet, ImportRow row, string column, IReadOnlyDictionary<string, TValue> names, Func<string, Refusal> unknown)
        where TValue : struct, Enum
    {
        var text = Required(sheet, row, column, 40);
        if (text is null)
        {
            return null;
        }

        if (names.TryGetValue(text, out var value) || (Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value) && !int.TryParse(text, CultureInfo.InvariantCulture, out _)))
        {
            return value;
        }

        Problem(sheet, row, column, unknown(text));
        return null;
    }

    private DateOnly? Date(string sheet, ImportRow row, string column, bool required) =>
        DateCell(sheet, row, column, required) is { Ok: true, Date: { } date } ? date : null;

    private (bool Ok, DateOnly? Date) DateCell(string sheet, ImportRow row, string column, bool required)
    {
        var text = required ? Required(sheet, row, column, 40) : row[column];
        if (text is null)
        {
            return (!required, null);
        }

        if (TryParseDate(text, out var date))
        {
            return (true, date);
        }

        Problem(sheet, row, column, Refusal.Because("R1", "InvalidDate", "{value} is not a date; write it as yyyy-MM-dd.", ("value", text)));
        return (false, null);
    }

    private string? Required(string sheet, ImportRow row, string column, int maxLength)
    {
        var text = row[column];
        if (text is null)
        {
            Problem(sheet, row, column, Refusal.Because("R1", "CellMissing", "The column {column} is required.", ("column", column)));
            return null;
        }

        if (text.Length > maxLength || text.Any(char.IsControl))
        {
            Problem(sheet, row, column, Refusal.Because("R1", "CellTooLong", "The column {column} holds at most {max} characters and no control characters.",
                ("column", column), ("max", maxLength.ToString(CultureInfo.InvariantCulture))));
            return null;
        }

        return text;
    }

    // People share names: a person is shown with the number that tells them apart.
    private string Describe(PersonId id) =>
        _people.TryGetValue(id, out var p)
            ? $"{p.Name} ({p.Staff ?? (p.Id is null ? id.ToString() : Counterparties.CounterpartyIdentifier.Masked(Counterparties.CounterpartyKind.Individual, p.Id))})"
            : id.ToString();

    private void Problem(string sheet, ImportRow row, string? column, Refusal refusal) => _problems.Add(new ImportProblem(sheet, row.Number, column, refusal));

    private static List<TItem> ListOf<TItem>(Dictionary<UnitId, List<TItem>> lists, UnitId unit)
    {
        if (!lists.TryGetValue(unit, out var list))
        {
            lists[unit] = list = [];
        }

        return list;
    }

    private ImportPlan Result() => _problems.Count > 0
        ? new ImportPlan(_problems, [], [], [], [], [], [], [], [], null, null, [], [])
        : new ImportPlan(
            [],
            _newUnits,
            _newSections,
            [.. _newPeople.Values],
            [.. _personChanges.Values],
            [.. _newMemberships.Values],
            [.. _endedMemberships.Select(e => new PeriodEnd(e.Key, e.Value))],
            [.. _newAssignments.Values],
            [.. _endedAssignments.Select(e => new PeriodEnd(e.Key, e.Value))],
            _catalogue,
            _register,
            _counterparties,
            _counterpartyRenames);
}
