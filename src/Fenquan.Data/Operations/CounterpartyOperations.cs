using Fenquan.Core.Access;
using Fenquan.Core.Counterparties;
using Fenquan.Core.Primitives;
using Fenquan.Data.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Operations;

/// <summary>
/// The county's counterparty register (R6): registering and renaming counterparties and declaring
/// ties to them, each ledgered. The core decides who may (<see cref="CounterpartyAccess"/>) and
/// what is valid (<see cref="Counterparty.Register"/>, <see cref="CounterpartyTie.Declare"/>).
/// </summary>
public sealed class CounterpartyOperations(LedgerWriter writer)
{
    public const int MaxListed = 200;

    /// <summary>Registers a counterparty; <paramref name="registeredBy"/> is the name and account shown in the register.</summary>
    public Task<Result<Counterparty>> RegisterAsync(Asker asker, CounterpartyKind kind, string? name, string? identifier, string registeredBy) =>
        writer.ExecuteAsync(asker.County, "counterparty.registered", ctx =>
        {
            if (!CounterpartyAccess.MayRegister(asker))
            {
                return CounterpartyAccess.RegistersOnly;
            }

            var normalised = CounterpartyIdentifier.Normalise(kind, identifier);
            var existing = normalised.IsOk
                ? ctx.Db.Set<Counterparty>().AsNoTracking().SingleOrDefault(c => c.CountyId == asker.County && c.Identifier == normalised.Value)
                : null;
            var registered = Counterparty.Register(asker.County, kind, name, identifier, registeredBy, existing, ctx.Now);
            if (registered.IsOk)
            {
                ctx.Db.Add(registered.Value);
            }

            return registered;
        });

    /// <summary>Corrects a counterparty's name (the identifier never changes).</summary>
    public Task<Result<Counterparty>> RenameAsync(Asker asker, CounterpartyId id, string? name) =>
        writer.ExecuteAsync(asker.County, "counterparty.renamed", ctx =>
        {
            var counterparty = ctx.Db.Set<Counterparty>().SingleOrDefault(c => c.Id == id && c.CountyId == asker.County);
            if (counterparty is null)
            {
                return Refusal.NotFound($"Counterparty {id}");
            }

            if (!CounterpartyAccess.MayRegister(asker))
            {
                return CounterpartyAccess.RegistersOnly;
            }

            var renamed = counterparty.Rename(name);
            return renamed.IsOk ? Result<Counterparty>.Ok(counterparty) : renamed.Refusal!;
        });

    /// <summary>R6: the asker declares their own tie to a counterparty; matters submitted afterwards that pay it are routed around them.</summary>
    public Task<Result<CounterpartyTie>> DeclareTieAsync(Asker asker, CounterpartyId id, string? relationship) =>
        writer.ExecuteAsync(asker.County, "counterparty.tie-declared", ctx =>
        {
            var counterparty = ctx.Db.Set<Counterparty>().AsNoTracking().SingleOrDefault(c => c.Id == id && c.CountyId == asker.County);
            if (counterparty is null)
            {
                return Refusal.NotFound($"Counterparty {id}");
            }

            var person = CounterpartyAccess.MayDeclareTie(asker);
            if (!person.IsOk)
            {
                return person.Refusal!;
            }

            var existing = ctx.Db.Set<CounterpartyTie>().AsNoTracking().Where(t => t.CountyId == asker.County && t.PersonId == person.Value && t.CounterpartyId == id).ToList();
            var declared = CounterpartyTie.Declare(counterparty, person.Value, relationship, existing, ctx.Now);
            if (declared.IsOk)
            {
                ctx.Db.Add(declared.Value);
            }

            return declared;
        });

    /// <summary>The county's counterparties whose name contains <paramref name="search"/>, or whose identifier is it (all when empty), by name; at most <see cref="MaxListed"/>.</summary>
    public static IReadOnlyList<Counterparty> List(FenquanDbContext db, CountyId county, string? search)
    {
        var query = db.Set<Counterparty>().AsNoTracking().Where(c => c.CountyId == county);
        var term = search?.Trim();
        if (!string.IsNullOrEmpty(term))
        {
            var upper = term.ToUpperInvariant();
            query = query.Where(c => c.Name.Contains(term) || c.Identifier == upper);
        }

        return [.. query.OrderBy(c => c.Name).Take(MaxListed)];
    }

    /// <summary>The county's counterparties of exactly that name or identifier (at most two: enough to tell one from many).</summary>
    public static IReadOnlyList<Counterparty> Named(FenquanDbContext db, CountyId county, string written)
    {
        var name = written.Trim();
        var code = new string(name.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
        return [.. db.Set<Counterparty>().AsNoTracking().Where(c => c.CountyId == county && (c.Name == name || c.Identifier == code)).Take(2)];
    }

    public static Counterparty? Find(FenquanDbContext db, CountyId county, CounterpartyId id) =>
        db.Set<Counterparty>().AsNoTracking().SingleOrDefault(c => c.Id == id && c.CountyId == county);

    /// <summary>The ties declared by a person.</summary>
    public static IReadOnlyList<CounterpartyTie> TiesOf(FenquanDbContext db, CountyId county, PersonId person) =>
        [.. db.Set<CounterpartyTie>().AsNoTracking().Where(t => t.CountyId == county && t.PersonId == person).AsEnumerable().OrderBy(t => t.DeclaredAt)];

    /// <summary>R6: the people who declared a tie to the counterparty.</summary>
    public static IReadOnlyList<PersonId> TiedTo(FenquanDbContext db, CountyId county, CounterpartyId id) =>
        [.. db.Set<CounterpartyTie>().AsNoTracking().Where(t => t.CountyId == county && t.CounterpartyId == id).Select(t => t.PersonId).Distinct()];
}
