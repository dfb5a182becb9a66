using Fenquan.Core.Primitives;

namespace Fenquan.Core.Counterparties;

/// <summary>
/// A person of the county's declaration (利害关系申报) that a counterparty is tied to them: an
/// individual who is their relative, or a company that they or a relative own, run or work for.
/// R6: nobody acts on a matter that pays a relative, so a matter paying the counterparty is routed
/// around everyone who declared a tie to it, as around the payee's declared relatives. One
/// immutable row per person and counterparty.
/// </summary>
public sealed class CounterpartyTie
{
    public const int MaxRelationship = 100;

    private CounterpartyTie()
    {
        Relationship = string.Empty;
    }

    private CounterpartyTie(CountyId county, PersonId person, CounterpartyId counterparty, string relationship, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        CountyId = county;
        PersonId = person;
        CounterpartyId = counterparty;
        Relationship = relationship;
        DeclaredAt = at;
    }

    public Guid Id { get; private set; }

    public CountyId CountyId { get; private set; }

    /// <summary>Who declared the tie (and is kept off matters paying the counterparty).</summary>
    public PersonId PersonId { get; private set; }

    public CounterpartyId CounterpartyId { get; private set; }

    /// <summary>The tie, as declared: 配偶, 子女, 配偶任法定代表人, 亲属持股 ….</summary>
    public string Relationship { get; private set; }

    public DateTimeOffset DeclaredAt { get; private set; }

    /// <summary>R6: a declaration of one's own tie. Refused without the relationship, and when the person already declared a tie to it.</summary>
    public static Result<CounterpartyTie> Declare(Counterparty counterparty, PersonId person, string? relationship, IEnumerable<CounterpartyTie> existing, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(counterparty);
        ArgumentNullException.ThrowIfNull(existing);
        var trimmed = relationship?.Trim() ?? string.Empty;
        if (trimmed.Length is 0 or > MaxRelationship || trimmed.Any(char.IsControl))
        {
            return Refusal.Because("R6", "TieRelationshipMissing", "A declared tie needs the relationship (配偶, 亲属持股 …), at most {max} characters.",
                ("max", MaxRelationship.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (existing.Any(t => t.PersonId == person && t.CounterpartyId == counterparty.Id))
        {
            return Refusal.Because("R6", "TieAlreadyDeclared", "Your tie to {counterparty} is already declared.", ("counterparty", counterparty.Name));
        }

        return Result<CounterpartyTie>.Ok(new CounterpartyTie(counterparty.CountyId, person, counterparty.Id, trimmed, now));
    }
}
