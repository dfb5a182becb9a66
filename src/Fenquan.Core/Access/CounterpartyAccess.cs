using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Access;

/// <summary>
/// Who may do what with the county's counterparty register (R6). Everyone of the county reads it,
/// with individuals' ID numbers masked. The county administrators and each unit's office and
/// finance staff — who keep the unit's payees — register counterparties and correct their names; a
/// submitter who only claims for a payee does not invent it. Only finance staff, who make payments,
/// and the county administrators read an individual's full ID number. Every person declares their
/// own ties to counterparties.
/// </summary>
public static class CounterpartyAccess
{
    public static Refusal RegistersOnly { get; } = Refusal.Because("R6", "RegistersCounterparties",
        "Counterparties are registered by the county administrators and by each unit's office and finance staff.");

    public static Refusal PeopleOnly { get; } = Refusal.Because("R6", "TiesArePeoples", "Only a person of the county declares ties to counterparties, each their own.");

    public static bool MayRead(Asker asker) => asker.IsCountyAdministrator || asker.Person is not null;

    public static bool MayRegister(Asker asker) =>
        asker.IsCountyAdministrator || (asker.Unit is not null && (asker.Holds(Role.OfficeReviewer) || asker.Holds(Role.FinanceStaff)));

    public static bool MayReadFullIdentifier(Asker asker) => asker.IsCountyAdministrator || (asker.Unit is not null && asker.Holds(Role.FinanceStaff));

    public static Result<PersonId> MayDeclareTie(Asker asker) => asker.Person is { } me ? Result<PersonId>.Ok(me) : PeopleOnly;
}
