using Fenquan.Core.Access;
using Fenquan.Core.Counterparties;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Web.Access;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Web.Registers;

/// <summary>A counterparty as a viewer sees it: the identifier in full only for those the core lets read it.</summary>
public sealed record CounterpartyView(Guid Id, CounterpartyKind Kind, string Name, string Identifier, bool IdentifierMasked, string RegisteredBy, DateTimeOffset RegisteredAt)
{
    public static CounterpartyView Of(Counterparty c, Asker asker)
    {
        var full = CounterpartyAccess.MayReadFullIdentifier(asker);
        return new(c.Id.Value, c.Kind, c.Name, full ? c.Identifier : c.MaskedIdentifier, !full && c.MaskedIdentifier != c.Identifier, c.RegisteredBy, c.RegisteredAt);
    }
}

/// <summary>A counterparty attempt's outcome; <see cref="Forbidden"/> when the viewer may not register at all (403).</summary>
public sealed record CounterpartyOutcome<T>(Result<T> Result, bool Forbidden);

/// <summary>
/// The county's counterparty register (R6) for pages and the API: the core decides who reads,
/// registers and declares (<see cref="CounterpartyAccess"/>); this only translates.
/// </summary>
public sealed class CounterpartyService(DbSession session, CounterpartyOperations operations)
{
    public Result<IReadOnlyList<CounterpartyView>> List(Viewer viewer, string? search)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!CounterpartyAccess.MayRead(viewer.Asker))
        {
            return Refusal.NotFound("Counterparty register");
        }

        return Result<IReadOnlyList<CounterpartyView>>.Ok([.. CounterpartyOperations.List(session.Db, viewer.County, search).Select(c => CounterpartyView.Of(c, viewer.Asker))]);
    }

    public Result<CounterpartyView> Get(Viewer viewer, Guid id)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var found = CounterpartyAccess.MayRead(viewer.Asker) ? CounterpartyOperations.Find(session.Db, viewer.County, new CounterpartyId(id)) : null;
        return found is null ? Refusal.NotFound("Counterparty " + id.ToString("D")) : Result<CounterpartyView>.Ok(CounterpartyView.Of(found, viewer.Asker));
    }

    public bool MayRegister(Viewer viewer) => CounterpartyAccess.MayRegister(viewer.Asker);

    public async Task<CounterpartyOutcome<CounterpartyView>> RegisterAsync(Viewer viewer, CounterpartyKind? kind, string? name, string? identifier)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (kind is not { } k || !Enum.IsDefined(k))
        {
            return new(Refusal.Because(Refusal.InvalidId, "CounterpartyKind", "kind: Company or Individual."), false);
        }

        var registered = await operations.RegisterAsync(viewer.Asker, k, name, identifier, RegisteredBy(viewer));
        return Translate(registered, viewer);
    }

    public async Task<CounterpartyOutcome<CounterpartyView>> RenameAsync(Viewer viewer, Guid id, string? name) =>
        Translate(await operations.RenameAsync(viewer.Asker, new CounterpartyId(id), name), viewer);

    public async Task<CounterpartyOutcome<CounterpartyTie>> DeclareTieAsync(Viewer viewer, Guid id, string? relationship)
    {
        var declared = await operations.DeclareTieAsync(viewer.Asker, new CounterpartyId(id), relationship);
        return new(declared, declared.Refusal?.Key == CounterpartyAccess.PeopleOnly.Key);
    }

    /// <summary>The viewer's own declared ties, with the counterparties' names.</summary>
    public IReadOnlyList<(CounterpartyTie Tie, string Name)> MyTies(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.Person is not { } me)
        {
            return [];
        }

        var ties = CounterpartyOperations.TiesOf(session.Db, viewer.County, me);
        var ids = ties.Select(t => t.CounterpartyId).ToList();
        var names = session.Db.Set<Counterparty>().AsNoTracking().Where(c => c.CountyId == viewer.County && ids.Contains(c.Id)).ToDictionary(c => c.Id, c => c.Name);
        return [.. ties.Select(t => (t, names.GetValueOrDefault(t.CounterpartyId, string.Empty)))];
    }

    private static CounterpartyOutcome<CounterpartyView> Translate(Result<Counterparty> result, Viewer viewer) =>
        result.IsOk
            ? new(Result<CounterpartyView>.Ok(CounterpartyView.Of(result.Value, viewer.Asker)), false)
            : new(result.Refusal!, result.Refusal!.Key == CounterpartyAccess.RegistersOnly.Key);

    private static string RegisteredBy(Viewer viewer) =>
        string.IsNullOrWhiteSpace(viewer.Name) || viewer.Name == viewer.UserName ? viewer.UserName : $"{viewer.Name}（{viewer.UserName}）";
}
